/// How a batch tells its caller how far it has got, from whichever thread did the work:
/// `update` with the forms done and the total (nil while the list is still being read), and
/// `finish` once at the end. The library only counts; the command line draws a terminal line.
public struct BatchProgress: Sendable {
    public var update: @Sendable (_ done: Int, _ total: Int?) -> Void
    public var finish: @Sendable () -> Void

    public init(update: @escaping @Sendable (_ done: Int, _ total: Int?) -> Void, finish: @escaping @Sendable () -> Void = {}) {
        self.update = update
        self.finish = finish
    }
}
