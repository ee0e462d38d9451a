import Foundation
import Testing
@testable import Gongwen

@Suite("Batch shards (--shard K/N)")
struct BatchShardTests {
    let library = Fixtures.library

    // MARK: - The parts of a list

    @Test func everyFormIsInExactlyOnePartWhateverN() throws {
        for count in 1...7 {
            for total in 0...50 {
                let parts = try (1...count).map { try BatchShard($0, of: count).forms(among: total) }
                // In order, the parts meet exactly and cover the list: each form once.
                #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == total, "N=\(count), \(total) forms")
                #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "N=\(count), \(total) forms")
                #expect(parts.flatMap { Array($0) } == Array(0..<total), "N=\(count), \(total) forms")
                // Balanced: no part has more than one form more than another.
                let sizes = parts.map(\.count)
                #expect(sizes.max()! - sizes.min()! <= 1, "N=\(count), \(total) forms: \(sizes)")
            }
        }
    }

    @Test func aHugeListAndAHugeNDoNotOverflow() throws {
        let shard = try BatchShard(Int.max, of: Int.max)
        #expect(shard.forms(among: Int.max) == (Int.max - 1)..<Int.max)
        #expect(try BatchShard(1, of: Int.max).forms(among: 3) == 0..<0)
    }

    @Test(arguments: [("1/1", 1, 1), ("2/3", 2, 3), ("7/7", 7, 7), ("07/12", 7, 12)])
    func partsAreParsed(text: String, index: Int, count: Int) throws {
        let shard = try BatchShard(parsing: text)
        #expect(shard.index == index && shard.count == count)
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "0/0"])
    func aPartOutsideTheListIsOutOfRange(text: String) {
        #expect(throws: BatchShardError.outOfRange(text: text)) { try BatchShard(parsing: text) }
    }

    @Test(arguments: ["a/b", "3", "1/3/5", "", "/3", "1/", "-1/3", "+1/3", " 1/3", "1 /3", "１/３", "1.0/3", "99999999999999999999/3"])
    func aValueThatIsNotKOverNIsMalformed(text: String) {
        #expect(throws: BatchShardError.malformed(text: text)) { try BatchShard(parsing: text) }
    }

    @Test func aBadPartIsAUsageErrorThatSaysTheRule() {
        for error in [BatchShardError.outOfRange(text: "4/3"), .malformed(text: "a/b")] {
            #expect(error.kind == .usage)
            #expect(error.description.contains("1 ≤ K ≤ N"))
        }
    }

    @Test func fileNamesSortInPartOrder() throws {
        #expect(try BatchShard(2, of: 3).manifestFileName == "manifest-2-of-3.csv")
        #expect(try BatchShard(2, of: 3).zipFileName == "batch-2-of-3.zip")
        let names = try (1...12).map { try BatchShard($0, of: 12).manifestFileName }
        #expect(names.first == "manifest-01-of-12.csv")
        #expect(names.sorted() == names)
    }

    // MARK: - Whole batches in parts

    func runner(_ templateID: String, _ folder: URL, pattern: String?, shard: BatchShard?) throws -> BatchRunner {
        let template = try library.template(id: templateID)
        let parsed = try pattern.map { try FileNamePattern($0, keys: FileNamePattern.keys(in: library.formFields(of: template.form))) }
        return try BatchRunner(library: library, templateID: templateID, options: BatchOptions(
            formats: [.xlsx], folder: folder, pattern: parsed, zip: true, keepGoing: true, jobs: 2, shard: shard))
    }

    /// Runs the batch of `text` into `folder`, whole or one part; returns what it wrote.
    func batch(_ templateID: String, _ text: String, into folder: URL, pattern: String? = nil,
               shard: BatchShard? = nil) throws -> BatchSummary {
        let source = try JSONLinesList.open(.memory(Data(text.utf8)), file: "list.jsonl")
        let batch = try runner(templateID, folder, pattern: pattern, shard: shard)
        return try batch.run(try batch.plan(source), list: source)
    }

    func files(in folder: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    }

    /// Key-project records with a unit met again in later records (numbered `-2`, `-3` across
    /// parts) and a line that is not JSON (an invalid manifest row in some part).
    static func keyProjects(_ count: Int) -> String {
        (1...max(1, count)).map { i in
            i % 9 == 4 ? "not json \(i)" : #"{"projectName": "项目\#(i)", "organizer": "\#(i % 5 == 0 ? "郑州大学" : "单位\(i)")"}"#
        }.joined(separator: "\n")
    }

    /// Open-institution records, runs of one to three of a reporter: one form each run.
    static func openInstitutions(_ count: Int) -> String {
        (1...max(1, count)).map { i in
            #"{"reporter": "填报单位\#(i / 3)", "name": "机构\#(i)"}"#
        }.joined(separator: "\n")
    }

    @Test(arguments: [1, 2, 3, 7, 20, 50])
    func theManifestsOfThePartsConcatenateToTheWholeOne(records: Int) throws {
        for (templateID, text, pattern) in [("key-project-2020", Self.keyProjects(records), "{organizer}"),
                                            ("open-institution-2020", Self.openInstitutions(records), nil)] {
            let whole = Fixtures.temporaryFolder()
            let all = try batch(templateID, text, into: whole, pattern: pattern)
            let wholeManifest = try Data(contentsOf: whole.appendingPathComponent(Manifest.fileName))
            let wholeForms = try files(in: whole).subtracting([Manifest.fileName, BatchZip.fileName])
            for count in 1...7 {
                var joined = Data()
                var seen: Set<String> = []
                var written = 0
                let shared = Fixtures.temporaryFolder()
                for index in 1...count {
                    let shard = try BatchShard(index, of: count)
                    let folder = Fixtures.temporaryFolder()
                    let summary = try batch(templateID, text, into: folder, pattern: pattern, shard: shard)
                    _ = try batch(templateID, text, into: shared, pattern: pattern, shard: shard)
                    written += summary.formsWritten
                    joined += try Data(contentsOf: folder.appendingPathComponent(shard.manifestFileName))
                    let forms = try files(in: folder).subtracting([shard.manifestFileName, shard.zipFileName])
                    #expect(seen.isDisjoint(with: forms), "\(templateID) \(shard): a file of another part")
                    seen.formUnion(forms)
                    let zip = try ZipArchiveReader(path: folder.appendingPathComponent(shard.zipFileName).path)
                    #expect(Set(zip.names) == forms.union([shard.manifestFileName]), "\(templateID) \(shard): its zip")
                }
                let place = "\(templateID), \(records) records, N=\(count)"
                #expect(joined == wholeManifest, "\(place): the parts' manifests joined")
                #expect(seen == wholeForms, "\(place): the parts' files")
                #expect(written == all.formsWritten, "\(place): forms written")
                // Parts sharing one folder never clash: it holds the whole batch's files.
                #expect(try files(in: shared).filter { !$0.hasPrefix("manifest") && !$0.hasPrefix("batch") } == wholeForms, "\(place): a shared folder")
            }
        }
    }

    @Test func aPartWritesTheSameFormAsTheWholeBatch() throws {
        let text = Self.keyProjects(20)
        let whole = Fixtures.temporaryFolder()
        _ = try batch("key-project-2020", text, into: whole, pattern: "{organizer}")
        let part = Fixtures.temporaryFolder()
        _ = try batch("key-project-2020", text, into: part, pattern: "{organizer}", shard: try BatchShard(3, of: 3))
        let template = try library.template(id: "key-project-2020")
        let names = try files(in: part).filter { $0.hasSuffix(".xlsx") }
        #expect(names.contains("郑州大学-3.xlsx"), "numbered after the parts before it: \(names.sorted())")
        for name in names {
            let values = { (url: URL) in try library.validator(for: template).validate(FormReader(template: template).read(url)).values }
            #expect(try values(part.appendingPathComponent(name)) == values(whole.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test func aBadRecordInAnotherPartStopsEveryPart() throws {
        let text = #"{"projectName": "甲", "organizer": "郑州大学"}"# + "\n" + #"{"projectName": "乙", "organizer": "河南大学", "email": "bad"}"#
        let source = try JSONLinesList.open(.memory(Data(text.utf8)), file: "list.jsonl")
        for index in 1...2 {
            let folder = Fixtures.temporaryFolder().appendingPathComponent("out")
            let batch = try BatchRunner(library: library, templateID: "key-project-2020", options: BatchOptions(
                formats: [.xlsx], folder: folder, shard: try BatchShard(index, of: 2)))
            #expect(throws: BatchValidationFailure.self) { try batch.plan(source) }
            #expect(!FileManager.default.fileExists(atPath: folder.path))
        }
    }

    @Test func aPartReportsOnlyItsOwnBadRecords() throws {
        let source = try JSONLinesList.open(.memory(Data(Self.keyProjects(20).utf8)), file: "list.jsonl")
        let plan = try runner("key-project-2020", Fixtures.temporaryFolder(), pattern: nil, shard: nil).plan(source)
        // Lines 4 and 13 are not JSON: forms 3 and 12, in parts 1 and 2 of 3 (0..<6, 6..<13, 13..<20).
        let parts = try (1...3).map { try plan.issues(of: BatchShard($0, of: 3)).map(\.records.lowerBound) }
        #expect(parts == [[4], [13], []])
        #expect(try (1...3).map { try plan.validCount(of: BatchShard($0, of: 3)) } == [5, 6, 7])
    }
}
