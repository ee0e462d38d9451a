/// One file of the web page, served as it is.
public struct WebAsset: Sendable {
    public let contentType: String
    public let body: [UInt8]

    /// A strong validator of the body (FNV-1a, 64 bits): the same bytes, the same tag.
    public let etag: String

    public init(contentType: String, body: [UInt8]) {
        self.contentType = contentType
        self.body = body
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        etag = "\"" + String(hash, radix: 16) + "\""
    }
}

/// The web page at `/`: plain HTML, CSS and JavaScript under `Web/Resources`, compiled into
/// the binary (no build step, no CDN, no web fonts), so it works on an office network with no
/// internet. index.html is a shell that app.js fills: hash routes `#/` (the template list),
/// `#/form/<id>` (the page generated from one template) and, from import.js, `#/import` (a
/// form file of the office's own, its fields corrected, then filled on the same form page) and,
/// from notice.js, `#/notice` (a notice edited as a form, with its pages previewed live) and, from
/// batch.js, `#/batch/<id>` and `#/import/batch` (批量生成 from a list, 回收汇总 of a zip of returned forms). Keyed by the request path; every
/// entry is public (no token needed): the page asks for the token itself when an API call
/// answers 401.
public enum WebAssets {
    public static let files: [String: WebAsset] = [
        "/": WebAsset(contentType: "text/html; charset=utf-8", body: PackageResources.index_html),
        "/index.html": WebAsset(contentType: "text/html; charset=utf-8", body: PackageResources.index_html),
        "/app.js": WebAsset(contentType: "text/javascript; charset=utf-8", body: PackageResources.app_js),
        "/import.js": WebAsset(contentType: "text/javascript; charset=utf-8", body: PackageResources.import_js),
        "/notice.js": WebAsset(contentType: "text/javascript; charset=utf-8", body: PackageResources.notice_js),
        "/batch.js": WebAsset(contentType: "text/javascript; charset=utf-8", body: PackageResources.batch_js),
        "/app.css": WebAsset(contentType: "text/css; charset=utf-8", body: PackageResources.app_css),
        "/favicon.svg": WebAsset(contentType: "image/svg+xml", body: PackageResources.favicon_svg),
    ]
}
