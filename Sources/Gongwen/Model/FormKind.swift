/// The three attachment forms the seeds carry. Variants of one kind share their field keys,
/// so one data file fills every variant of its form.
public enum FormKind: String, Codable, Sendable, CaseIterable {
    /// 重点项目（活动）备案表: a label/value grid.
    case keyProject = "key-project"
    /// 参与开放活动的科研机构和大学备案表: a list with one row per institution.
    case openInstitution = "open-institution"
    /// 开展情况统计表: grouped rows of numbers.
    case statistics
}
