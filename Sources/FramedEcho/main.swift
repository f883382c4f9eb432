// framed-echo: a TCP server that sends every length-prefixed frame back to its sender.
// See EchoServer for the behaviour and EchoOptions for the command line.

import EchoServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

func fail(_ message: String, status: Int32) -> Never {
    Console.printError("framed-echo: error: \(message)")
    exit(status)
}

let options: EchoOptions
do {
    options = try EchoOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    Console.printError("framed-echo: error: \(error.message)\n\(EchoOptions.usage)")
    exit(2)
}
if options.wantsHelp {
    Console.printLine(EchoOptions.usage)
    exit(0)
}

let server: EchoServer
do {
    server = try EchoServer(try options.serverConfiguration())
} catch {
    fail("\(error)", status: 1)
}
SignalHandling.stopOnTermination(server)
Console.printLine("listening on \(server.host):\(server.port)")
do {
    try server.run()
} catch {
    fail("\(error)", status: 1)
}
