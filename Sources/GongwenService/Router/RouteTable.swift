/// The routes the service has, as path patterns with their methods: filled while the router
/// is built, read afterwards, so that a known path asked with another method gets 405.
final class RouteTable: @unchecked Sendable {
    private var routes: [(segments: [Substring], method: String)] = []

    /// Records `path` (`/api/templates/{id}`) for `method`. Only while the router is built.
    func add(_ method: String, _ path: String) {
        routes.append((path.split(separator: "/"), method))
    }

    /// The methods of the routes that match `path`, sorted; empty for an unknown path.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/")
        let matching = routes.filter { route in
            route.segments.count == segments.count && zip(route.segments, segments).allSatisfy { pattern, segment in
                pattern.hasPrefix("{") || pattern == segment
            }
        }
        return Array(Set(matching.map(\.method))).sorted()
    }
}
