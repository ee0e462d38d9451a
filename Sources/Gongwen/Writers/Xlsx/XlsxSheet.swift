/// A sheet of a workbook that `XlsxWriter` writes: a form, or a summary table in the fonts of
/// the form it sums up.
enum XlsxSheet {
    case form(FormSheet)
    case summary(SummaryTable, fonts: FontScheme)
}
