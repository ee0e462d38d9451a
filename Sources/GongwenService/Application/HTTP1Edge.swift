import Foundation
import NIOCore
import NIOHTTP1

/// What Hummingbird leaves to the raw HTTP/1 layer, done as a client expects. It sits just
/// after NIO's HTTP/1 parser, before the conversion to HTTP types (where the HTTP version
/// is gone), and:
/// - closes the connection after an HTTP/1.0 request that did not ask to keep it (and any
///   that sent `Connection: close`), by saying so in the request Hummingbird sees; HTTP/1.0
///   clients waited 75 s for the idle timeout otherwise;
/// - answers a request the parser rejects before its head is complete with a problem+json
///   body (431 for headers over the limit, 400 otherwise) instead of a bare 400, then closes;
///   an error inside a body reaches the route, whose answer says the same;
/// - after a response that ends the connection (`Connection: close` either way, or a 413)
///   while the request's body is still coming, reads and drops the rest of it for a while
///   before closing: a client that sends its whole body before reading (Python's urllib)
///   would otherwise block on a full socket and never see the answer.
final class HTTP1Edge: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// How long the rest of a refused body is read before the connection is closed anyway.
    private let lingering: TimeAmount
    /// A request head has come and its end has not.
    private var requestOpen = false
    private var requestKeepsAlive = true
    private var responseStarted = false
    private var closeAfterResponse = false
    /// The response is out; the rest of the request is read and dropped.
    private var draining = false

    init(lingering: TimeAmount = .seconds(10)) {
        self.lingering = lingering
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(var head):
            requestOpen = true
            responseStarted = false
            closeAfterResponse = false
            requestKeepsAlive = head.isKeepAlive
            if !head.isKeepAlive { head.headers.replaceOrAdd(name: "connection", value: "close") }
            context.fireChannelRead(wrapInboundOut(.head(head)))
        case .body(let bytes):
            if !draining { context.fireChannelRead(wrapInboundOut(.body(bytes))) }
        case .end(let trailers):
            requestOpen = false
            if draining {
                context.close(promise: nil)
            } else {
                context.fireChannelRead(wrapInboundOut(.end(trailers)))
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // Dropped parts never reach the reader that would ask for more: ask here.
        if draining { context.read() } else { context.fireChannelReadComplete() }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            responseStarted = true
            if head.status == .payloadTooLarge || !requestKeepsAlive
                || head.headers[canonicalForm: "connection"].contains(where: { $0.lowercased() == "close" }) {
                closeAfterResponse = true
                head.headers.replaceOrAdd(name: "connection", value: "close")
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end(let trailers):
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
            if closeAfterResponse && requestOpen { startDraining(context: context) }
        case let part:
            context.write(wrapOutboundOut(part), promise: promise)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError, !requestOpen, !responseStarted else {
            context.fireErrorCaught(error)
            return
        }
        let problem = parserError == .headerOverflow ? ServiceError.headersTooLarge : .malformedRequest(detail: "\(parserError)")
        respond(problem, context: context)
    }

    private func startDraining(context: ChannelHandlerContext) {
        draining = true
        context.read()
        context.eventLoop.assumeIsolated().scheduleTask(in: lingering) { [weak self] in
            guard let self, self.draining, context.channel.isActive else { return }
            context.close(promise: nil)
        }
    }

    /// A problem+json answer straight from the HTTP layer, then the end of the connection.
    private func respond(_ error: ServiceError, context: ChannelHandlerContext) {
        let problem = error.problem
        let body = problem.encoded()
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: ProblemDetails.mediaType)
        headers.add(name: "content-length", value: String(body.count))
        headers.add(name: "connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: .init(statusCode: problem.status), headers: headers)
        responseStarted = true
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}

extension HTTP1Edge {
    /// Puts the edge just after the HTTP/1 parser and its pipelining helper, before the
    /// conversion to HTTP types; a channel handler that Hummingbird lets us add goes after
    /// that conversion, so it places this one from there.
    static func insert(into pipeline: ChannelPipeline.SynchronousOperations) throws {
        let anchor = try (try? pipeline.context(handlerType: HTTPServerPipelineHandler.self))
            ?? pipeline.context(handlerType: ByteToMessageHandler<HTTPRequestDecoder>.self)
        try pipeline.addHandler(HTTP1Edge(), position: .after(anchor.handler))
    }
}

/// Hummingbird adds our channel handlers after its conversion to HTTP types; this one, added
/// there, puts `HTTP1Edge` where it belongs and takes itself out.
final class HTTP1EdgeInstaller: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Any

    func handlerAdded(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        do {
            try HTTP1Edge.insert(into: pipeline)
        } catch {
            context.fireErrorCaught(error)
        }
        pipeline.removeHandler(context: context, promise: nil)
    }
}
