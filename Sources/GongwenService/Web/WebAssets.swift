/// One file of the web page, served as it is.
public struct WebAsset: Sendable {
    public let contentType: String
    public let body: String

    public init(contentType: String, body: String) {
        self.contentType = contentType
        self.body = body
    }
}

/// The web page at `/`: plain HTML, CSS and JavaScript kept in the binary (no build step, no
/// external assets, works offline). Keyed by the request path; every entry is public (no
/// token needed): the page asks for the token itself when an API call answers 401.
public enum WebAssets {
    public static let files: [String: WebAsset] = [
        "/": WebAsset(contentType: "text/html; charset=utf-8", body: indexHTML),
        "/index.html": WebAsset(contentType: "text/html; charset=utf-8", body: indexHTML),
        "/app.js": WebAsset(contentType: "text/javascript; charset=utf-8", body: appJS),
        "/app.css": WebAsset(contentType: "text/css; charset=utf-8", body: appCSS),
        "/favicon.svg": WebAsset(contentType: "image/svg+xml", body: faviconSVG),
    ]
}
