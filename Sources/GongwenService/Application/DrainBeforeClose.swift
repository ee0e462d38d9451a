import NIOCore

/// Lets a response reach the socket before its connection closes. On graceful shutdown
/// Hummingbird closes a connection as soon as the last part of the response in flight is
/// handed to NIO, and NIO's full close drops the writes the socket has not taken yet: a
/// 19 MB batch zip streamed to a client that read slower than we wrote arrived 1.5 MB short.
/// Placed between the HTTP codec and Hummingbird's connection handler, this holds a full
/// close until every write before it has been written (or has failed), or until `limit`
/// has passed, so that a client that stops reading cannot hold the shutdown for ever.
final class DrainBeforeClose: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = Any
    typealias OutboundOut = Any

    private let limit: TimeAmount
    /// The promise of the latest write: writes complete in order, so when it completes,
    /// every earlier one has too.
    private var lastWrite: EventLoopFuture<Void>?

    init(limit: TimeAmount) {
        self.limit = limit
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let promise = promise ?? context.eventLoop.makePromise()
        lastWrite = promise.futureResult
        context.write(data, promise: promise)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode == .all, let last = lastWrite else {
            context.close(mode: mode, promise: promise)
            return
        }
        lastWrite = nil
        var closed = false
        func closeOnce() {
            guard !closed else { return }
            closed = true
            context.close(mode: mode, promise: promise)
        }
        let timeout = context.eventLoop.assumeIsolated().scheduleTask(in: limit) { closeOnce() }
        last.assumeIsolated().whenComplete { _ in
            timeout.cancel()
            closeOnce()
        }
    }
}
