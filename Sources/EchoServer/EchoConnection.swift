#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import StreamFramer

/// One client of the echo server: its socket, its framer, and the replies not yet written.
///
/// Frames are read straight into the framer's buffer (`appendWithUnsafeMutableBytes`), and each
/// reply goes out as a gather write of the encoder's header and the frame's payload, still in the
/// framer's buffer. Only the part of a reply the socket does not take at once is copied, into
/// ``pendingOutput``.
final class EchoConnection {
    /// The connection's socket.
    let descriptor: Int32
    /// `HOST:PORT` of the peer, for error messages.
    let peer: String
    /// Cuts the client's frames.
    var framer: LengthFieldFramer
    /// Reply bytes the socket has not taken yet, from ``pendingOffset``.
    var pendingOutput: [UInt8] = []
    var pendingOffset = 0
    /// The client has closed its side (or its stream was bad): read no more.
    var readClosed = false
    /// The connection is finished; the server closes and forgets it.
    var isClosed = false

    init(descriptor: Int32, peer: String, configuration: LengthFieldConfiguration) {
        self.descriptor = descriptor
        self.peer = peer
        self.framer = LengthFieldFramer(configuration)
    }

    /// Reply bytes waiting for the socket.
    var pendingCount: Int { pendingOutput.count - pendingOffset }

    /// What happened to one read.
    enum ReadOutcome {
        case data
        case wouldBlock
        case endOfStream
        case failed(SystemError)
    }

    /// Reads up to `maximum` bytes from the socket into the framer.
    func read(maximum: Int) -> ReadOutcome {
        var result = 0
        var error: Int32 = 0
        _ = framer.appendWithUnsafeMutableBytes(maximumByteCount: maximum) { buffer in
            result = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if result < 0 { error = errno }
            return max(result, 0)
        }
        if result > 0 { return .data }
        if result == 0 { return .endOfStream }
        if error == EAGAIN || error == EWOULDBLOCK || error == EINTR { return .wouldBlock }
        return .failed(SystemError("recv", code: error))
    }

    /// Sends `header` then `payload`, as one gather write when nothing is pending; queues
    /// whatever the socket does not take.
    ///
    /// - Throws: ``SystemError`` when the peer is gone.
    func send(header: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer) throws(SystemError) {
        var headerSent = 0
        var payloadSent = 0
        if pendingCount == 0 {
            var vectors = [
                iovec(iov_base: UnsafeMutableRawPointer(mutating: header.baseAddress), iov_len: header.count),
                iovec(iov_base: UnsafeMutableRawPointer(mutating: payload.baseAddress), iov_len: payload.count),
            ]
            let written = vectors.withUnsafeMutableBufferPointer { vectors in
                writeVectors(vectors.baseAddress, count: payload.isEmpty ? 1 : 2)
            }
            if written < 0 {
                let code = errno
                guard code == EAGAIN || code == EWOULDBLOCK || code == EINTR else { throw SystemError("writev", code: code) }
            } else {
                headerSent = min(written, header.count)
                payloadSent = written - headerSent
            }
        }
        if headerSent < header.count { pendingOutput.append(contentsOf: header[headerSent...]) }
        if payloadSent < payload.count { pendingOutput.append(contentsOf: payload[payloadSent...]) }
    }

    /// Writes pending replies until the socket would block.
    ///
    /// - Throws: ``SystemError`` when the peer is gone.
    func flush() throws(SystemError) {
        while pendingCount > 0 {
            let written = pendingOutput.withUnsafeBytes { bytes in
                sendWithoutSignal(descriptor, bytes.baseAddress.map { $0 + pendingOffset }, pendingCount)
            }
            if written < 0 {
                let code = errno
                if code == EAGAIN || code == EWOULDBLOCK || code == EINTR { break }
                throw SystemError("send", code: code)
            }
            pendingOffset += written
        }
        if pendingCount == 0 {
            pendingOutput.removeAll(keepingCapacity: pendingOutput.capacity <= 1 << 20)
            pendingOffset = 0
        } else if pendingOffset > pendingOutput.count / 2 {
            pendingOutput.removeSubrange(..<pendingOffset)
            pendingOffset = 0
        }
    }

    private func writeVectors(_ vectors: UnsafeMutablePointer<iovec>?, count: Int32) -> Int {
        #if canImport(Darwin)
        return Darwin.writev(descriptor, vectors, count)
        #else
        // sendmsg rather than writev so Linux never raises SIGPIPE.
        var message = msghdr()
        message.msg_iov = vectors
        message.msg_iovlen = Int(count)
        return sendmsg(descriptor, &message, Posix.sendFlags)
        #endif
    }
}

/// `send` with the platform's no-SIGPIPE flag.
func sendWithoutSignal(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    send(descriptor, bytes, count, Posix.sendFlags)
}
