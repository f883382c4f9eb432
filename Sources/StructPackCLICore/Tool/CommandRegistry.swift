/// The commands `structpack` knows, in the order `--help` lists them.
public enum CommandRegistry {
    /// Every command. To add one, write a ``ToolCommand`` in its own file and list it here.
    public static var commands: [any ToolCommand.Type] {
        [
            PackCommand.self,
            UnpackCommand.self,
            CalcsizeCommand.self,
            InspectCommand.self,
            FramesCommand.self,
        ]
    }

    /// The command named `name`, if any.
    public static func command(named name: String) -> (any ToolCommand.Type)? {
        commands.first { $0.name == name }
    }
}
