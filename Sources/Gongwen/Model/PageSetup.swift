/// Paper and margins of a printed form. Forms print on A4, as the notices they are attached to.
public struct PageSetup: Codable, Sendable, Equatable {
    public enum Orientation: String, Codable, Sendable { case portrait, landscape }

    public var orientation: Orientation = .portrait
    /// Margins in millimetres.
    public var margins: Margins = Margins()

    public init(orientation: Orientation = .portrait, margins: Margins = Margins()) {
        self.orientation = orientation
        self.margins = margins
    }

    enum CodingKeys: String, CodingKey { case orientation, margins }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        orientation = try c.decodeIfPresent(Orientation.self, forKey: .orientation) ?? .portrait
        margins = try c.decodeIfPresent(Margins.self, forKey: .margins) ?? Margins()
    }

    /// A4 in millimetres, turned for landscape.
    public var paperSize: (width: Double, height: Double) {
        orientation == .portrait ? (210, 297) : (297, 210)
    }

    /// The width between the left and right margins, in millimetres.
    public var textWidth: Double { paperSize.width - margins.left - margins.right }
}

public struct Margins: Codable, Sendable, Equatable {
    public var top: Double = 25
    public var bottom: Double = 25
    public var left: Double = 20
    public var right: Double = 20

    public init(top: Double = 25, bottom: Double = 25, left: Double = 20, right: Double = 20) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }
}

/// The fonts of a form: East-Asian face and size per role, and one Latin face for digits and
/// letters. The defaults are the official faces offices' machines carry.
public struct FontScheme: Codable, Sendable, Equatable {
    public var title = FontSpec(eastAsia: "方正小标宋简体", size: 18)
    public var header = FontSpec(eastAsia: "仿宋_GB2312", size: 12)
    public var label = FontSpec(eastAsia: "仿宋_GB2312", size: 12)
    public var heading = FontSpec(eastAsia: "黑体", size: 12)
    public var value = FontSpec(eastAsia: "仿宋_GB2312", size: 12)
    public var note = FontSpec(eastAsia: "仿宋_GB2312", size: 12)
    /// The face for Latin letters and digits (w:ascii, w:hAnsi).
    public var latin = "Times New Roman"

    public init() {}

    enum CodingKeys: String, CodingKey { case title, header, label, heading, value, note, latin }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FontScheme()
        title = try c.decodeIfPresent(FontSpec.self, forKey: .title) ?? d.title
        header = try c.decodeIfPresent(FontSpec.self, forKey: .header) ?? d.header
        label = try c.decodeIfPresent(FontSpec.self, forKey: .label) ?? d.label
        heading = try c.decodeIfPresent(FontSpec.self, forKey: .heading) ?? d.heading
        value = try c.decodeIfPresent(FontSpec.self, forKey: .value) ?? d.value
        note = try c.decodeIfPresent(FontSpec.self, forKey: .note) ?? d.note
        latin = try c.decodeIfPresent(String.self, forKey: .latin) ?? d.latin
    }
}

public struct FontSpec: Codable, Sendable, Hashable {
    /// The East-Asian face, e.g. 仿宋_GB2312.
    public var eastAsia: String
    /// Size in points.
    public var size: Double
    public var bold: Bool?

    public init(eastAsia: String, size: Double, bold: Bool? = nil) {
        self.eastAsia = eastAsia
        self.size = size
        self.bold = bold
    }
}
