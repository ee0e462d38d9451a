/// The command line of `gongwen-bench`, parsed by hand: four options do not warrant a
/// dependency, and the bench must stay a plain program that anyone can read in a minute.
struct BenchOptions {
    /// Timed documents per measurement, after a warm-up of a tenth as many.
    var iterations = 300
    /// Records of the large batch; the small one has a tenth as many.
    var records = 10_000
    var python = true
    var batch = true
    /// The PDF figure: a warm pool against a cold LibreOffice (needs LibreOffice and python3-uno).
    var pdf = true
    /// A folder that keeps the last document of each writer, to compare their XML; nil
    /// works in a temporary folder removed at the end.
    var keep: String?

    static let usage = """
        USAGE: gongwen-bench [--iterations N] [--records N] [--no-python] [--no-batch] [--no-pdf] [--keep DIR]

          --iterations N  documents timed per measurement (default 300)
          --records N     records of the large batch; the small batch has N/10 (default 10000)
          --no-python     skip the Python tools
          --no-batch      skip the batch runs
          --no-pdf        skip the PDF figure (warm pool against cold soffice)
          --keep DIR      keep the last document of each writer in DIR (to compare them)
        """

    /// Parses `arguments` (without the program name); nil after printing usage for a bad one.
    static func parse(_ arguments: [String]) -> BenchOptions? {
        var options = BenchOptions()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--iterations", "--records":
                guard let text = rest.popFirst(), let n = Int(text), n >= 10 else {
                    print("gongwen-bench: \(argument) needs a whole number of at least 10\n\n\(usage)")
                    return nil
                }
                if argument == "--iterations" { options.iterations = n } else { options.records = n }
            case "--keep":
                guard let folder = rest.popFirst() else {
                    print("gongwen-bench: --keep needs a folder\n\n\(usage)")
                    return nil
                }
                options.keep = folder
            case "--no-python": options.python = false
            case "--no-batch": options.batch = false
            case "--no-pdf": options.pdf = false
            default:
                print(argument == "--help" || argument == "-h" ? usage : "gongwen-bench: unknown option \(argument)\n\n\(usage)")
                return nil
            }
        }
        return options
    }
}
