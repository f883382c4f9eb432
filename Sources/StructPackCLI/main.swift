// The `structpack` executable: everything but the process itself lives in StructPackCLICore.

import StructPackCLICore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

exit(StructPackTool.runInProcess(Array(CommandLine.arguments.dropFirst())))
