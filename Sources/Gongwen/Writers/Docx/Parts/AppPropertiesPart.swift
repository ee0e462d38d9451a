/// `docProps/app.xml`: the application that wrote the document.
struct AppPropertiesPart {
    var xml: String {
        var x = XMLBuilder()
        x.element("Properties", ["xmlns": DocxNamespace.extendedProperties, "xmlns:vt": DocxNamespace.docPropsVTypes]) { x in
            x.element("Application", text: "Gongwen")
            x.element("DocSecurity", text: "0")
            x.element("ScaleCrop", text: "false")
            x.element("LinksUpToDate", text: "false")
            x.element("SharedDoc", text: "false")
            x.element("HyperlinksChanged", text: "false")
            x.element("AppVersion", text: "1.0000")
        }
        return x.xml
    }
}
