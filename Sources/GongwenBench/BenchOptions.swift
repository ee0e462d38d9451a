import Foundation

/// The command line of `gongwen-bench`, parsed by hand: a few options do not warrant a
/// dependency, and the bench must stay a plain program that anyone can read in a minute.
struct BenchOptions {
    /// Timed documents per measurement, after a warm-up of a tenth as many.
    var iterations = 300
    /// Records of the large batch; the small one has a tenth as many.
    var records = 10_000
    var python = true
    var batch = true
    /// The PDF figures: a warm pool against a cold LibreOffice, against unoserver, a PDF
    /// batch and the service with PDF (need LibreOffice and python3-uno).
    var pdf = true
    /// LibreOffice instances of the PDF figures (ours and unoserver's alike); default the cores.
    var pdfInstances = ProcessInfo.processInfo.activeProcessorCount
    /// DOCX files converted by our pool and by unoserver; 0 skips that figure.
    var unoserverDocuments = 200
    /// Records of each PDF batch, in order; the last one's peak memory is compared with the first's.
    var pdfBatches = [1_000]
    /// How long `Benchmarks/load.sh` runs with FORMAT=pdf; nil skips it.
    var loadDuration: String? = "30s"
    /// A folder that keeps the last document of each writer, to compare their XML; nil
    /// works in a temporary folder removed at the end.
    var keep: String?

    static let usage = """
        USAGE: gongwen-bench [--iterations N] [--records N] [--no-python] [--no-batch] [--no-pdf]
                             [--pdf-instances N] [--unoserver-documents N] [--pdf-batch N[,N…]]
                             [--load-duration D | --no-load] [--keep DIR]

          --iterations N            documents timed per measurement (default 300)
          --records N               records of the large batch; the small batch has N/10 (default 10000)
          --no-python               skip the Python tools
          --no-batch                skip the batch runs
          --no-pdf                  skip every PDF figure
          --pdf-instances N         LibreOffice instances of the PDF figures (default: the cores)
          --unoserver-documents N   DOCX converted by our pool and by unoserver (default 200; 0 skips)
          --pdf-batch N[,N…]        records of each `batch --format pdf` (default 1000; 0 skips);
                                    two counts, e.g. 1000,5000, compare their peak memory
          --load-duration D         how long load.sh runs with FORMAT=pdf (default 30s)
          --no-load                 skip load.sh
          --keep DIR                keep the last document of each writer in DIR (to compare them)
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
            case "--no-load": options.loadDuration = nil
            case "--pdf-instances", "--unoserver-documents":
                guard let text = rest.popFirst(), let n = Int(text), n >= (argument == "--pdf-instances" ? 1 : 0) else {
                    print("gongwen-bench: \(argument) needs a whole number\n\n\(usage)")
                    return nil
                }
                if argument == "--pdf-instances" { options.pdfInstances = n } else { options.unoserverDocuments = n }
            case "--pdf-batch":
                let counts = rest.popFirst()?.split(separator: ",").map { Int($0) }
                guard let counts, !counts.isEmpty, counts.allSatisfy({ ($0 ?? -1) >= 0 }) else {
                    print("gongwen-bench: --pdf-batch needs record counts separated by commas, e.g. 1000,5000\n\n\(usage)")
                    return nil
                }
                options.pdfBatches = counts.compactMap { $0 }.filter { $0 > 0 }
            case "--load-duration":
                guard let text = rest.popFirst(), text.range(of: #"^[0-9]+[smh]?$"#, options: .regularExpression) != nil else {
                    print("gongwen-bench: --load-duration needs a duration such as 30s or 2m\n\n\(usage)")
                    return nil
                }
                options.loadDuration = text
            default:
                print(argument == "--help" || argument == "-h" ? usage : "gongwen-bench: unknown option \(argument)\n\n\(usage)")
                return nil
            }
        }
        return options
    }
}
