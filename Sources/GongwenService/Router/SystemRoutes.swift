import Foundation
import Hummingbird

/// `/healthz`, `/openapi.json` and the web page's files.
struct SystemRoutes {
    let openAPI: Data

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        routes.get("/healthz") { _, _ in
            Self.json(Data(#"{"status":"ok"}"#.utf8))
        }
        let openAPI = self.openAPI
        routes.get("/openapi.json") { _, _ in
            Self.json(openAPI)
        }
        for (path, asset) in WebAssets.files {
            routes.get(path) { _, _ in
                Response(status: .ok, headers: [.contentType: asset.contentType],
                         body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.body)))
            }
        }
    }

    static func json(_ data: Data) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
