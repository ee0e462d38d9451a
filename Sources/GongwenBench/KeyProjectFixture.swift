import Foundation
import Gongwen

/// The one form every measurement fills: template key-project-2020 and the example record
/// `examples/forms/key-project.json`, found from the checkout the bench was built in.
struct KeyProjectFixture {
    static let templateID = "key-project-2020"

    /// The checkout: the folder holding `templates/`, found the way the CLI finds it.
    let root: URL
    let library: TemplateLibrary
    let template: FormTemplate
    let dataFile: URL
    let data: JSONValue
    let values: FormValues

    init() throws {
        let templates = try TemplatesRoot.located()
        root = templates.folder.deletingLastPathComponent()
        library = templates.library
        dataFile = root.appendingPathComponent("examples/forms/key-project.json")
        data = try JSONValue.parse(Data(contentsOf: dataFile), source: dataFile.path)
        let (template, validated) = try FormRenderer(library: library).validate(templateID: Self.templateID, data: data)
        self.template = template
        values = validated.values
    }

    var templatesFolder: URL { root.appendingPathComponent("templates") }
    var benchmarksFolder: URL { root.appendingPathComponent("Benchmarks") }
    /// The shipped fontconfig file that maps the official font names, as every PDF uses it.
    var fontConfig: URL { templatesFolder.appendingPathComponent("fonts/fonts.conf") }

    /// `count` records in JSON Lines, each the example with its own project name and
    /// organizer, so that every record yields its own pair of files.
    func records(_ count: Int) throws -> Data {
        let encoder = JSONEncoder()
        var lines = Data()
        for record in try recordValues(count) {
            lines.append(try encoder.encode(record))
            lines.append(0x0A)
        }
        return lines
    }

    /// The same records as values: record `i` (from 1) names project "…（第 i 场）".
    func recordValues(_ count: Int) throws -> [JSONValue] {
        guard case .object(let example) = data, case .string(let name)? = example["projectName"],
              case .string(let organizer)? = example["organizer"] else {
            throw BenchFailure("the example record has no projectName or organizer")
        }
        return (1...max(1, count)).map { i in
            var record = example
            record["projectName"] = .string(Self.projectName(name, i))
            record["organizer"] = .string("\(organizer)第 \(i) 分馆")
            return .object(record)
        }
    }

    /// The project name of record `i`, which the bench looks for in a PDF's text.
    static func projectName(_ example: String, _ i: Int) -> String { "\(example)（第 \(i) 场）" }

    /// The example's project name.
    var exampleProjectName: String? {
        guard case .object(let example) = data, case .string(let name)? = example["projectName"] else { return nil }
        return name
    }
}
