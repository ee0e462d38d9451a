import Testing
@testable import Gongwen

@Suite("Field groups: the sections a client shows")
struct FieldGroupTests {
    @Test func statisticsGroupsAreTheLabelsThatSpanRows() throws {
        let template = try Fixtures.library.template(id: "statistics-2022")
        guard case .grid(let grid) = template.layout else { Issue.record("statistics-2022 is a grid"); return }
        let spanning = grid.rows.compactMap { row -> String? in
            guard let first = row.cells.first, first.field == nil, (first.rowSpan ?? 1) > 1 else { return nil }
            return first.text
        }
        let sections = FieldGroup.sections(of: template)
        #expect(sections.compactMap(\.label) == spanning)
        #expect(sections.first == FieldGroup(label: nil, fields: [.init(key: "reporter", wide: true)]))

        let funds = try #require(sections.first { $0.label == "活动经费投入数量 (单位：万元)" })
        #expect(funds.unit == "万元")
        #expect(funds.fields.contains(.init(key: "funds.central", wide: false)))
        #expect(sections.filter { $0.label != "活动经费投入数量 (单位：万元)" }.allSatisfy { $0.unit == nil })
        // The three venue counts span two columns of a three-column table: one ungrouped run.
        #expect(sections.last?.label == nil)
        #expect(sections.last?.fields.map(\.key) == ["openVenues", "openInstitutes", "openUniversities"])
    }

    @Test func keyProjectIsOneRunWithItsWideFields() throws {
        let sections = FieldGroup.sections(of: try Fixtures.library.template(id: "key-project-2020"))
        #expect(sections.count == 1)
        let wide = sections.first?.fields.filter(\.wide).map(\.key)
        #expect(wide == ["projectName", "participants", "summary"])
        #expect(sections.first?.fields.first?.key == "projectName")
    }

    @Test func listFormHasOnlyItsHeaderField() throws {
        let sections = FieldGroup.sections(of: try Fixtures.library.template(id: "open-institution-2020"))
        #expect(sections == [FieldGroup(label: nil, fields: [.init(key: "reporter", wide: true)])])
    }

    @Test func everyFieldOutsideTheRowsOnce() {
        for template in Fixtures.library.templates {
            let keys = FieldGroup.sections(of: template).flatMap { $0.fields.map(\.key) }
            #expect(keys.sorted() == template.fields.filter { !$0.isRowField }.map(\.key).sorted(), "\(template.id)")
        }
    }

    @Test(arguments: [
        ("活动经费投入数量 (单位：万元)", "万元"),
        ("经费（单位：元）", "元"),
        ("经费(单位:千元)", "千元"),
        ("经费（ 单位 ： 个 ）", "个"),
        ("实物投入情况（如：捐赠图书）（单位：万元）", "万元"),
        ("科普活动开展次数", nil),
        ("经费（单位：）", nil),
        ("经费（单位：万元", nil),
    ] as [(String, String?)])
    func unitOfALabel(label: String, unit: String?) {
        #expect(FieldGroup.unit(in: label) == unit)
    }
}
