#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The descriptor the signal handler writes to; set once before the handlers are installed.
nonisolated(unsafe) private var stopDescriptor: Int32 = -1

/// Process-wide signal set-up for the `framed-echo` executable.
public enum SignalHandling {
    /// Makes SIGINT and SIGTERM stop `server` cleanly and SIGUSR1 print its buffer report
    /// (each handler only writes one byte to the server's wake-up pipe, which is
    /// async-signal-safe), and ignores SIGPIPE, so a client that vanishes mid-reply never kills
    /// the process.
    public static func stopOnTermination(_ server: EchoServer) {
        stopDescriptor = server.stopHandle.descriptor
        _ = signal(SIGPIPE, SIG_IGN)
        // A parent may have started us with these blocked; the server must still hear them.
        var terminating = sigset_t()
        sigemptyset(&terminating)
        sigaddset(&terminating, SIGINT)
        sigaddset(&terminating, SIGTERM)
        sigaddset(&terminating, SIGUSR1)
        _ = sigprocmask(SIG_UNBLOCK, &terminating, nil)
        for number in [SIGINT, SIGTERM] {
            // Literals, not StopHandle's constants: a handler must not run a lazy initialiser.
            _ = signal(number) { _ in
                var byte: UInt8 = 1
                _ = write(stopDescriptor, &byte, 1)
            }
        }
        _ = signal(SIGUSR1) { _ in
            var byte: UInt8 = 2
            _ = write(stopDescriptor, &byte, 1)
        }
    }
}
