/// A `.rels` part: the relationships of the package or of one part.
struct RelationshipsPart {
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    var relationships: [Relationship]

    var xml: String {
        var x = XMLBuilder()
        x.element("Relationships", ["xmlns": DocxNamespace.packageRelationships]) { x in
            for r in relationships {
                x.empty("Relationship", ["Id": r.id, "Type": r.type, "Target": r.target])
            }
        }
        return x.xml
    }
}
