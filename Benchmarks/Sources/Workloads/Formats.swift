/// The formats the compilation benchmark compiles in turn: short and long, standard and native,
/// with repeat counts and strings, as applications write them.
public let compiledFormats: [String] = [
    "<IHHQd", "@bhiq", "<I16s8pH", "!I", "!cI", ">4sHHI", "=3i2xq", "@10s5p?d", "<hhllqqee", "!BBHHHBBH4s4s",
]
