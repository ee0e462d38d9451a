import CXlsxWriter

/// Everything that makes one cell format, as a value: the writer asks the workbook for the
/// format of a style, and equal styles share one `lxw_format`.
struct XlsxCellStyle: Hashable {
    var font: FontSpec
    var horizontal: HorizontalAlignment = .center
    var vertical: VerticalAlignment = .center
    var wrap = true
    var stacked = false
    var bordered = true
    /// Input cells are unlocked, so that a protected sheet still takes the values.
    var locked = true
    /// Hints are grey, so a reader tells them from a value.
    var grey = false
    /// "@" keeps typed digits as text (postcodes, phones); "0" for counts; nil for General.
    var numberFormat: String?

    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        // Font names and number format codes are ST_Xstring too.
        format_set_font_name(format, Xstring.escaped(font.eastAsia))
        format_set_font_size(format, font.size)
        if font.bold == true { format_set_bold(format) }
        switch horizontal {
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        switch vertical {
        case .top: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .bottom: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue))
        }
        if wrap { format_set_text_wrap(format) }
        // 270 is libxlsxwriter's value for stacked text (textRotation="255").
        if stacked { format_set_rotation(format, 270) }
        if bordered { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if !locked { format_set_unlocked(format) }
        if grey { format_set_font_color(format, 0x808080) }
        if let numberFormat { format_set_num_format(format, Xstring.escaped(numberFormat)) }
    }
}
