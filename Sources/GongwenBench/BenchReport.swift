import Foundation

/// The table and the goal lines, filled from measurements already taken, in reading order:
/// XLSX rows, then DOCX rows, then the batch.
struct BenchReport {
    private var table = ReportTable(header: ["measurement", "CPU median", "CPU p90", "wall median", "result"])
    private var goals: [Goal] = []

    init(documents docs: DocumentBench, python: [(PythonTool, PythonTool.Outcome)], batch: Result<[BatchBench.Result], Error>?,
         pdf: Result<PDFBench, Error>? = nil) {
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
        if let pdf { add(pdf) }
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
