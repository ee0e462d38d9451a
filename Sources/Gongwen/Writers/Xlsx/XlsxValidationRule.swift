import CXlsxWriter
import Foundation

/// The Excel data validation of one field: the same rule the service applies, with a Chinese
/// prompt when the cell is selected and a Chinese message when a wrong value is typed.
struct XlsxValidationRule {
    let field: FieldDefinition
    /// The top-left cell of the range, which relative formulas refer to.
    let anchor: String

    /// Validation type, criteria, limit or formula, and the two messages.
    private var spec: (type: lxw_validation_types, criteria: lxw_validation_criteria, number: Double, formula: String?, rule: String) {
        switch field.type {
        case .count:
            (LXW_VALIDATION_TYPE_INTEGER, LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO, 0, nil, "请填写不小于 0 的整数。")
        case .amount:
            (LXW_VALIDATION_TYPE_DECIMAL, LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO, 0, nil, "请填写不小于 0 的数字（可带小数）。")
        case .postcode:
            (LXW_VALIDATION_TYPE_CUSTOM_FORMULA, LXW_VALIDATION_CRITERIA_NONE, 0,
             "=AND(LEN(\(anchor))=6,ISNUMBER(--\(anchor)))", "邮政编码应为 6 位数字。")
        case .email:
            (LXW_VALIDATION_TYPE_CUSTOM_FORMULA, LXW_VALIDATION_CRITERIA_NONE, 0,
             "=AND(ISNUMBER(FIND(\"@\",\(anchor))),ISNUMBER(FIND(\".\",\(anchor))))", "请填写正确的电子邮箱，如 name@example.com。")
        case .text, .multiline, .phone:
            (LXW_VALIDATION_TYPE_LENGTH, LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO, Double(field.effectiveMaxLength), nil,
             "不超过 \(field.effectiveMaxLength) 字。")
        }
    }

    func apply(to worksheet: UnsafeMutablePointer<lxw_worksheet>, firstRow: Int, firstColumn: Int,
               lastRow: Int, lastColumn: Int) throws(XlsxError) {
        let spec = self.spec
        // Excel allows 32 characters in a title and 255 in a message; each is an Xstring.
        let title = Xstring.escaped(field.label, fitting: 32)
        let prompt = Xstring.escaped((field.required ? "必填。" : "") + spec.rule + (field.hint.map { "\n" + $0 } ?? ""), fitting: 255)
        let error = Xstring.escaped("\(field.label)：\(spec.rule)", fitting: 255)
        var strings: [UnsafeMutablePointer<CChar>] = []
        defer { strings.forEach { free($0) } }
        func owned(_ s: String) -> UnsafeMutablePointer<CChar> {
            let p = strdup(s)!
            strings.append(p)
            return p
        }
        var validation = lxw_data_validation()
        validation.validate = UInt8(spec.type.rawValue)
        validation.criteria = UInt8(spec.criteria.rawValue)
        validation.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.show_input = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        validation.value_number = spec.number
        validation.minimum_number = spec.number
        if let formula = spec.formula { validation.value_formula = owned(Xstring.escaped(formula)) }
        validation.input_title = owned(title)
        validation.input_message = owned(prompt)
        validation.error_title = owned(Xstring.escaped("填写有误：\(field.label)", fitting: 32))
        validation.error_message = owned(error)
        try XlsxError.check(
            worksheet_data_validation_range(worksheet, UInt32(firstRow), UInt16(firstColumn), UInt32(lastRow), UInt16(lastColumn), &validation),
            "adding the data validation of \(field.key)")
    }
}
