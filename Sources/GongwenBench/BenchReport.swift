import Foundation

/// The table and the goal lines, filled from measurements already taken, in reading order:
/// XLSX rows, then DOCX rows, then the batch.
struct BenchReport {
    private var table = ReportTable(header: ["measurement", "CPU median", "CPU p90", "wall median", "result"])
    private var goals: [Goal] = []

    init(documents docs: DocumentBench, python: [(PythonTool, PythonTool.Outcome)], batch: Result<[BatchBench.Result], Error>?,
         pdf: PDFFigures = PDFFigures()) {
        let floorRatio = docs.xlsx.cpu.median / docs.floor.cpu.median
        row("XLSX  Gongwen: validate + lay out + write", docs.xlsx, "\(times(floorRatio)) the C floor")
        row("XLSX  Gongwen: writer only", docs.xlsxWriterOnly, "\(times(docs.xlsxWriterOnly.cpu.median / docs.floor.cpu.median)) the C floor")
        row("XLSX  libxlsxwriter from C (the floor)", docs.floor, "")
        goals.append(Goal(name: "XLSX ours / C floor", measured: times(floorRatio), met: floorRatio <= 1.2, target: "≤ 1.2×"))
        for (tool, outcome) in python where tool.format == .xlsx { add(tool, outcome, ours: docs.xlsx) }
        row("DOCX  Gongwen: validate + lay out + write", docs.docx, "")
        row("DOCX  Gongwen: writer only", docs.docxWriterOnly, "")
        for (tool, outcome) in python where tool.format == .docx { add(tool, outcome, ours: docs.docx) }
        if let batch { add(batch) }
        if let single = pdf.single { add(single) }
        if let unoserver = pdf.unoserver { add(unoserver) }
        if let batch = pdf.batch { add(batch) }
        if let load = pdf.load { add(load) }
    }

    private mutating func add(_ unoserver: Result<UnoserverBench, Error>) {
        let name = "PDF throughput, our pool / unoserver, same DOCX and instances"
        switch unoserver {
        case .success(let bench):
            let shape = "\(bench.documents) DOCX × \(bench.ours.count) passes, \(bench.instances) instance\(bench.instances == 1 ? "" : "s")"
            var pool = ""
            if let snapshot = bench.pool, snapshot.restarts + snapshot.recycled + snapshot.retries > 0 {
                pool = ", pool: \(snapshot.recycled) recycled, \(snapshot.restarts) restarts, \(snapshot.retries) retries"
            }
            table.add("PDF   our pool, \(shape)", "", "", String(format: "%.2f s", bench.ours.reduce(0, +)),
                      String(format: "%.1f docs/s", bench.oursRate) + pool)
            table.add("PDF   unoserver \(bench.version) UnoClient, \(shape)", "", "", String(format: "%.2f s", bench.theirs.reduce(0, +)),
                      String(format: "%.1f docs/s; ours is ", bench.theirsRate) + "\(times(bench.ratio)) this")
            goals.append(Goal(name: name, measured: times(bench.ratio), met: bench.ratio >= 1, target: "≥ 1×"))
        case .failure(let error):
            table.add("PDF   our pool vs unoserver", "", "", "–", "\(error)")
            goals.append(Goal(name: name, measured: nil, met: false, target: "≥ 1×", skipped: "\(error)"))
        }
    }

    private mutating func add(_ batch: Result<[PDFBatchBench.Result], Error>) {
        let name = "PDF batch peak memory of the process tree (RSS sum)"
        switch batch {
        case .success(let runs):
            guard let small = runs.first, let large = runs.last else { return }
            for run in runs {
                var result = String(format: "%.1f docs/s, tree peak RSS %@", run.documentsPerSecond, mb(run.memory.rssBytes))
                if runs.count > 1 && run.records == large.records {
                    result += " = \(times(Double(large.memory.rssBytes) / Double(small.memory.rssBytes))) the \(grouped(small.records))'s"
                }
                result += String(format: " (PSS %@, %d processes), largest process %@",
                                 mb(run.memory.pssBytes), run.memory.processes, mb(run.largestProcessBytes))
                table.add("PDF   batch \(grouped(run.records)) forms --format pdf", "", "", String(format: "%.1f s", run.seconds), result)
            }
            guard runs.count > 1, large.records > small.records else {
                goals.append(Goal(name: name, measured: nil, met: false, target: "≤ 1.2× from the first count to the last",
                                  skipped: "one batch only: give two counts, e.g. --pdf-batch 1000,5000"))
                return
            }
            let ratio = Double(large.memory.rssBytes) / Double(small.memory.rssBytes)
            goals.append(Goal(name: "\(name), \(grouped(large.records)) vs \(grouped(small.records)) forms",
                              measured: times(ratio), met: ratio <= 1.2, target: "≤ 1.2×"))
        case .failure(let error):
            table.add("PDF   batch --format pdf", "", "", "–", "failed (see below)")
            goals.append(Goal(name: name, measured: nil, met: false, target: "≤ 1.2×", skipped: "failed: \(error)"))
        }
    }

    private mutating func add(_ load: Result<LoadBench, Error>) {
        let name = "service format=pdf under load.sh: every answer 2xx, service memory ≤ 1.2×, clean exit"
        switch load {
        case .success(let run):
            table.add("PDF   serve, load.sh FORMAT=pdf, \(run.connections) connections, \(run.duration)", "", "", run.p99 + " p99",
                      "\(run.requestsPerSecond) requests/s, \(run.requests) requests, memory end/warm: service \(run.memoryRatio), tree \(run.treeRatio)")
            goals.append(Goal(name: name, measured: run.failures.isEmpty ? "held" : run.failures.joined(separator: "; "),
                              met: run.failures.isEmpty, target: "all held"))
        case .failure(let error):
            table.add("PDF   serve, load.sh FORMAT=pdf", "", "", "–", "\(error)")
            goals.append(Goal(name: name, measured: nil, met: false, target: "all held", skipped: "\(error)"))
        }
    }

    private mutating func add(_ pdf: Result<PDFBench, Error>) {
        let name = "PDF of one filled key-project form: warm pool vs cold soffice"
        switch pdf {
        case .success(let bench):
            table.add("PDF   warm pool (\(bench.rounds) documents)", "", "", ms(bench.warm.wall.median), "")
            table.add("PDF   cold soffice --convert-to pdf", "", "", ms(bench.cold.wall.median), "\(times(bench.ratio)) the warm pool")
            goals.append(Goal(name: name, measured: times(bench.ratio), met: bench.ratio >= 10, target: "≥ 10×"))
        case .failure(let error):
            goals.append(Goal(name: name, measured: nil, met: false, target: "≥ 10×", skipped: "\(error)"))
        }
    }

    var text: String { table.text + "\n\n" + goals.map(\.line).joined(separator: "\n") }

    private mutating func row(_ name: String, _ timing: Timing, _ result: String) {
        table.add(name, ms(timing.cpu.median), ms(timing.cpu.p90), ms(timing.wall.median), result)
    }

    private mutating func add(_ tool: PythonTool, _ outcome: PythonTool.Outcome, ours: Timing) {
        let format = tool.format.rawValue.uppercased()
        let target = "≥ \(Int(tool.goal))×"
        switch outcome {
        case .measured(let result):
            let ratio = result.cpuMedian / ours.cpu.median
            table.add("\(format)  \(tool.name) \(result.version) (Python)", ms(result.cpuMedian), ms(result.cpuP90),
                      ms(result.wallMedian), "\(times(ratio)) ours")
            goals.append(Goal(name: "\(tool.name) / ours", measured: times(ratio), met: ratio >= tool.goal, target: target))
        case .skipped(let reason):
            table.add("\(format)  \(tool.name) (Python)", "–", "–", "–", reason)
            goals.append(Goal(name: "\(tool.name) / ours", measured: nil, met: false, target: target, skipped: reason))
        }
    }

    private mutating func add(_ batch: Result<[BatchBench.Result], Error>) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        switch batch {
        case .success(let runs):
            guard let small = runs.first, let large = runs.last else { return }
            for run in runs {
                var result = "\(grouped(Int(run.documentsPerSecond.rounded()))) docs/s, CPU \(String(format: "%.1f", run.cpuSeconds)) s, "
                    + "peak RSS \(mb(run.peakBytes))"
                if run.records == large.records {
                    result += " = \(times(Double(large.peakBytes) / Double(small.peakBytes))) the \(grouped(small.records))"
                }
                table.add("batch \(grouped(run.records)) records × 2 formats, \(cores) cores",
                          "", "", String(format: "%.2f s", run.seconds), result)
            }
            let growth = Double(large.peakBytes) / Double(small.peakBytes) - 1
            goals.append(Goal(name: "batch peak RSS, \(grouped(large.records)) vs \(grouped(small.records)) records",
                              measured: String(format: "%+.1f%%", growth * 100), met: abs(growth) <= 0.10, target: "within 10%"))
        case .failure(let error):
            table.add("batch (gongwen batch)", "", "", "–", "failed (see below)")
            goals.append(Goal(name: "batch peak RSS", measured: nil, met: false, target: "within 10%", skipped: "failed: \(error)"))
        }
    }

    private func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
    private func times(_ ratio: Double) -> String { String(format: ratio < 10 ? "%.2f×" : "%.1f×", ratio) }
    private func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
}

/// 10000 → "10,000".
func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    return digits.enumerated().map { i, d in (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(d) }.joined()
}

/// The PDF figures of the run, each nil when not asked for.
struct PDFFigures {
    var single: Result<PDFBench, Error>?
    var unoserver: Result<UnoserverBench, Error>?
    var batch: Result<[PDFBatchBench.Result], Error>?
    var load: Result<LoadBench, Error>?
}
