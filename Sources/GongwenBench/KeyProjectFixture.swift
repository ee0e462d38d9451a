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

    /// `count` records in JSON Lines, each the example with its own project name and
    /// organizer, so that every record yields its own pair of files.
    func records(_ count: Int) throws -> Data {
        guard case .object(let example) = data, case .string(let name)? = example["projectName"],
              case .string(let organizer)? = example["organizer"] else {
            throw BenchFailure("the example record has no projectName or organizer")
        }
        let encoder = JSONEncoder()
        var lines = Data()
        for i in 1...count {
            var record = example
            record["projectName"] = .string("\(name)（第 \(i) 场）")
            record["organizer"] = .string("\(organizer)第 \(i) 分馆")
            lines.append(try encoder.encode(JSONValue.object(record)))
            lines.append(0x0A)
        }
        return lines
    }
}
