import Foundation
import Gongwen

/// `GET /openapi.json`: the OpenAPI 3.1 description of every route, written by hand as data.
/// It must stay true: the test command runs schemathesis against the live service with it.
/// The notice's body schema is the project's own `templates/schema/notice.schema.json`,
/// taken in whole, so that the two never disagree.
enum OpenAPIDocument {
    /// The document for the templates loaded at start; the first of them is the example's.
    static func document(templates: [FormTemplate], noticeSchema: JSONValue?) -> OpenAPIValue {
        let templateIDs = templates.map(\.id)
        let example = templates.first.map(OpenAPIExamples.data(for:))
        var schemas = OpenAPISchemas.all
        schemas.append(contentsOf: noticeSchemas(noticeSchema))
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Gongwen 公文 API",
                "version": "1.0.0",
                "description": """
                    Official notices (GB/T 9704-2012) and their attachment forms, as XLSX, DOCX and PDF. \
                    JSON in, files out. Errors are RFC 9457 problem details (application/problem+json) whose \
                    `errors` name each field: its key, its Chinese label, the rule it broke and the message. \
                    When the service runs with GONGWEN_TOKEN, every operation except /healthz and /health needs \
                    `Authorization: Bearer <token>`; without it, none does. A render waits in a bounded queue, \
                    a PDF in a queue of its own in front of LibreOffice's warm instances; beyond either the \
                    answer is 503 with Retry-After.
                    """,
            ],
            "security": [[:], ["bearerAuth": []]],
            "paths": paths(example: example),
            "components": [
                "securitySchemes": [
                    "bearerAuth": [
                        "type": "http",
                        "scheme": "bearer",
                        "description": "The value of GONGWEN_TOKEN, needed only when the service was started with it.",
                    ],
                ],
                "parameters": parameters(templateIDs: templateIDs),
                "responses": OpenAPIResponses.all,
                "schemas": .object(schemas),
            ],
        ]
    }

    static func paths(example: JSONValue?) -> OpenAPIValue {
        [
            "/healthz": [
                "get": [
                    "operationId": "health",
                    "summary": "200 while the service is serving.",
                    "security": [],
                    "responses": [
                        "200": json("Serving.", ref("Health")),
                        "500": OpenAPIResponses.ref("InternalError"),
                    ],
                ],
            ],
            "/health": [
                "get": [
                    "operationId": "healthReport",
                    "summary": "The queues' load and LibreOffice's warm pool: instances up and busy, jobs done and failed, retries, restarts.",
                    "security": [],
                    "responses": [
                        "200": json("Serving.", ref("HealthReport")),
                        "500": OpenAPIResponses.ref("InternalError"),
                    ],
                ],
            ],
            "/openapi.json": [
                "get": [
                    "operationId": "openAPI",
                    "summary": "This document.",
                    "responses": [
                        "200": json("The OpenAPI 3.1 document.", ["type": "object"]),
                        "401": OpenAPIResponses.ref("Unauthorized"),
                    ],
                ],
            ],
            "/api/templates": [
                "get": [
                    "operationId": "listTemplates",
                    "summary": "Every form template: the array `gongwen templates --json` prints.",
                    "responses": [
                        "200": json("The templates, sorted by id.", ["type": "array", "items": ref("TemplateSummary")]),
                        "401": OpenAPIResponses.ref("Unauthorized"),
                        "404": OpenAPIResponses.ref("NotFound"),
                    ],
                ],
            ],
            "/api/templates/{id}": [
                "get": [
                    "operationId": "getTemplate",
                    "summary": "One template with its fields.",
                    "parameters": [parameterRef("TemplateID")],
                    "responses": [
                        "200": json("The template.", ref("TemplateSummary")),
                        "401": OpenAPIResponses.ref("Unauthorized"),
                        "404": OpenAPIResponses.ref("NotFound"),
                    ],
                ],
            ],
            "/api/templates/{id}/blank": [
                "get": [
                    "operationId": "blankForm",
                    "summary": "The blank form.",
                    "parameters": [parameterRef("TemplateID"), parameterRef("FormFormat")],
                    "responses": withErrors([
                        "200": file("The blank form, named by the template's Chinese title.", [OutputFormat.xlsx.mediaType, OutputFormat.docx.mediaType]),
                    ], ["400", "401", "404", "500", "503"]),
                ],
            ],
            "/api/render/{id}": [
                "post": [
                    "operationId": "renderForm",
                    "summary": "The form filled with the data in the body.",
                    "description": "The body is a JSON object with the template's field keys (see GET /api/templates/{id}): dotted keys may be nested objects (`funds.central` as {\"funds\": {\"central\": …}}), list forms put their rows under `rows`. Every problem is reported at once in a 422.",
                    "parameters": [parameterRef("TemplateID"), parameterRef("RenderFormat")],
                    "requestBody": [
                        "required": true,
                        "content": [
                            "application/json": .object([
                                (key: "schema", value: ["type": "object", "additionalProperties": true]),
                            ] + (example.map { [(key: "example", value: OpenAPIValue($0))] } ?? [])),
                        ],
                    ],
                    "responses": withErrors([
                        "200": file("The filled form, named by the template's Chinese title; PDF is LibreOffice's print of the DOCX (503 without LibreOffice).",
                                    [OutputFormat.xlsx.mediaType, OutputFormat.docx.mediaType, "application/pdf"]),
                    ], ["400", "401", "404", "413", "415", "422", "500", "503"]),
                ],
            ],
            "/api/notices": [
                "post": [
                    "operationId": "renderNotice",
                    "summary": "A notice and all its attachments as one packet (the data of `gongwen notice`).",
                    "description": "Seals are PNG data URLs (`data:image/png;base64,…`); the service reads no file path. PDF needs LibreOffice on the server: without it the answer is 503.",
                    "parameters": [[
                        "name": "format", "in": "query", "required": false,
                        "description": "docx (default) or pdf.",
                        "schema": ["type": "string", "enum": ["docx", "pdf"], "default": "docx"],
                    ]],
                    "requestBody": [
                        "required": true,
                        "content": ["application/json": ["schema": ref("Notice")]],
                    ],
                    "responses": withErrors([
                        "200": file("The packet, named by the notice's title.", [OutputFormat.docx.mediaType, "application/pdf"]),
                    ], ["400", "401", "413", "415", "422", "500", "503"]),
                ],
            ],
            "/api/notices/preview": [
                "post": [
                    "operationId": "previewNotice",
                    "summary": "A notice's pages as PNG images, for a live preview.",
                    "description": "The same notice JSON as /api/notices, laid out as its PDF (LibreOffice, on the PDF queue) and drawn by poppler's pdftoppm. Every page up to `pages` comes in one answer, as data URLs: one conversion serves them all. Without LibreOffice or pdftoppm the answer is 503.",
                    "parameters": [
                        [
                            "name": "dpi", "in": "query", "required": false,
                            "description": .string("Resolution of the images, \(NoticePreviewRoute.dpiRange.lowerBound)–\(NoticePreviewRoute.dpiRange.upperBound) (default \(NoticePreviewRoute.defaultDPI))."),
                            "schema": ["type": "integer", "minimum": .integer(NoticePreviewRoute.dpiRange.lowerBound),
                                       "maximum": .integer(NoticePreviewRoute.dpiRange.upperBound), "default": .integer(NoticePreviewRoute.defaultDPI)],
                        ],
                        [
                            "name": "pages", "in": "query", "required": false,
                            "description": .string("The most pages drawn, from page 1 (default and at most \(NoticePreviewRoute.pageRange.upperBound)); pageCount still counts them all."),
                            "schema": ["type": "integer", "minimum": .integer(NoticePreviewRoute.pageRange.lowerBound),
                                       "maximum": .integer(NoticePreviewRoute.pageRange.upperBound), "default": .integer(NoticePreviewRoute.pageRange.upperBound)],
                        ],
                    ],
                    "requestBody": [
                        "required": true,
                        "content": ["application/json": ["schema": ref("Notice")]],
                    ],
                    "responses": withErrors([
                        "200": previewPages,
                    ], ["400", "401", "413", "415", "422", "500", "503"]),
                ],
            ],
            "/api/batch/{id}": [
                "post": [
                    "operationId": "batch",
                    "summary": "One filled form per record of a list (mail merge), zipped with manifest.csv.",
                    "description": "The list is JSON Lines (one object per line), CSV (UTF-8 or GB18030, a header row of field keys or Chinese labels) or XLSX (first sheet, the same header). For list forms, consecutive records with the same reporter make one form. Every record is checked first: any bad record answers 422 with each problem and its row (`record`), unless keepGoing=true.",
                    "parameters": .array([parameterRef("TemplateID")] + batchOptions),
                    "requestBody": [
                        "required": true,
                        "content": .object(BatchRoutes.listTypes.map { type in
                            (key: type.mediaType, value: type.fileExtension == "xlsx" ? binary : ["schema": ["type": "string"]])
                        }),
                    ],
                    "responses": withErrors([
                        "200": batchZip,
                    ], ["400", "401", "404", "413", "415", "422", "500", "503"]),
                ],
            ],
            "/api/collect/{id}": [
                "post": [
                    "operationId": "collect",
                    "summary": "Returned forms (a zip of XLSX or DOCX files) read back, checked and summed up.",
                    "description": "Answers summary.xlsx (汇总表; the sheet 未收录 lists files refused or invalid), or, with Accept: application/json, the same as JSON. A bad file does not fail the request; a zip without any .xlsx or .docx does (422).",
                    "parameters": [parameterRef("TemplateID")],
                    "requestBody": [
                        "required": true,
                        "content": .object(CollectRoutes.archiveTypes.map { (key: $0, value: binary) }),
                    ],
                    "responses": withErrors([
                        "200": [
                            "description": "The summary.",
                            "headers": ["Content-Disposition": contentDisposition],
                            "content": [
                                OutputFormat.xlsx.mediaType: ["schema": binary],
                                "application/json": ["schema": ref("CollectReport")],
                            ],
                        ],
                    ], ["400", "401", "404", "413", "415", "422", "500", "503"]),
                ],
            ],
            "/api/notices/import": [
                "post": [
                    "operationId": "importNotice",
                    "summary": "A notice read from an office's draft (pasted text, or a .docx, .doc, .wps or .txt file): nothing is stored.",
                    "description": "The body is the draft's text (text/plain; UTF-8, UTF-16 with its mark, or GB18030), a Word file with its media type, or multipart/form-data with a `file` part (its file name gives the format) or a `text` part. The answer is {\"notice\": the notice as POST /api/notices takes it, \"warnings\": each correction (a 发文字号 mended, a date rewritten), assumption or line not placed}. A draft with no title or no date is a 422 naming `title` or `date`.",
                    "parameters": [[
                        "name": "date", "in": "query", "required": false,
                        "description": "The 成文日期 to use when the draft has none (2020-07-22 or 2020年7月22日); otherwise such a draft is a 422.",
                        "schema": ["type": "string"],
                    ]],
                    "requestBody": [
                        "required": true,
                        "content": .object([
                            (key: MultipartUpload.mediaType, value: ["schema": [
                                "type": "object",
                                "properties": ["file": ["type": "string", "format": "binary"], "text": ["type": "string"]],
                            ]]),
                        ] + NoticeImportRoute.fileTypes.map { type in
                            (key: type.mediaType, value: type.fileExtension == "txt" ? ["schema": ["type": "string"]] : binary)
                        }),
                    ],
                    "responses": withErrors([
                        "200": json("The notice and the importer's notes.", [
                            "type": "object", "required": ["notice", "warnings"],
                            "properties": [
                                "notice": ref("Notice"),
                                "warnings": ["type": "array", "items": [
                                    "type": "object", "required": ["code", "message"],
                                    "properties": ["code": ["type": "string"], "message": ["type": "string"]],
                                ]],
                            ],
                        ]),
                    ], ["400", "401", "413", "415", "422", "500", "503"]),
                ],
            ],
            "/api/templates/import": [
                "post": [
                    "operationId": "importTemplate",
                    "summary": "A template made from an office's own form file (XLSX, DOCX, XLS or DOC): nothing is stored.",
                    "description": "The body is multipart/form-data with a `file` part (its file name gives the format), or the file itself with its media type. The answer is {\"template\": the template, \"warnings\": what was inferred and what could not be kept}; send the template back with the data to POST /api/render, /api/batch or /api/collect. A file without a table or without input cells is a 422 naming `file`.",
                    "parameters": [[
                        "name": "id", "in": "query", "required": false,
                        "description": "The template's id (kebab-case); by default from the file's name or title.",
                        "schema": ["type": "string"],
                    ]],
                    "requestBody": [
                        "required": true,
                        "content": .object([
                            (key: MultipartUpload.mediaType, value: ["schema": [
                                "type": "object", "required": ["file"],
                                "properties": ["file": ["type": "string", "format": "binary"]],
                            ]]),
                        ] + TemplateImportRoute.fileTypes.map { (key: $0.mediaType, value: binary) }),
                    ],
                    "responses": withErrors([
                        "200": json("The template and the importer's notes.", [
                            "type": "object", "required": ["template", "warnings"],
                            "properties": [
                                "template": ["type": "object"],
                                "warnings": ["type": "array", "items": [
                                    "type": "object", "required": ["message", "inference"],
                                    "properties": ["message": ["type": "string"], "inference": ["type": "boolean"]],
                                ]],
                            ],
                        ]),
                    ], ["400", "401", "413", "415", "422", "500", "503"]),
                ],
            ],
            "/api/render": [
                "post": [
                    "operationId": "renderFormWithTemplate",
                    "summary": "A form the service does not carry, filled: the template itself beside the data.",
                    "description": "The body is {\"template\": a template (the JSON of a file of templates/forms, as `gongwen template import` writes it or POST /api/templates/import answers), \"data\": the form's data as for /api/render/{id}}. A template that is not one is a 422 naming `template` and the rule it breaks.",
                    "parameters": [parameterRef("RenderFormat")],
                    "requestBody": [
                        "required": true,
                        "content": ["application/json": ["schema": [
                            "type": "object", "required": ["template"],
                            "properties": ["template": ["type": "object"], "data": ["type": "object"]],
                        ]]],
                    ],
                    "responses": withErrors([
                        "200": file("The filled form, named by the template's Chinese title.",
                                    [OutputFormat.xlsx.mediaType, OutputFormat.docx.mediaType, "application/pdf"]),
                    ], ["400", "401", "413", "415", "422", "500", "503"]),
                ],
            ],
            "/api/batch": [
                "post": [
                    "operationId": "batchWithTemplate",
                    "summary": "A batch for a form the service does not carry: multipart/form-data with the template and the list.",
                    "description": "Parts: `template` (the template's JSON) and `list` (JSON Lines, CSV or XLSX, known by its Content-Type or its file name's extension). Otherwise as /api/batch/{id}.",
                    "parameters": .array(batchOptions),
                    "requestBody": [
                        "required": true,
                        "content": [MultipartUpload.mediaType: ["schema": [
                            "type": "object", "required": ["template", "list"],
                            "properties": ["template": ["type": "string"], "list": ["type": "string", "format": "binary"]],
                        ]]],
                    ],
                    "responses": withErrors([
                        "200": batchZip,
                    ], ["400", "401", "413", "415", "422", "500", "503"]),
                ],
            ],
            "/api/collect": [
                "post": [
                    "operationId": "collectWithTemplate",
                    "summary": "Returned forms of a form the service does not carry: multipart/form-data with the template and the zip.",
                    "description": "Parts: `template` (the template's JSON) and `archive` (the zip of returned files). Otherwise as /api/collect/{id}.",
                    "requestBody": [
                        "required": true,
                        "content": [MultipartUpload.mediaType: ["schema": [
                            "type": "object", "required": ["template", "archive"],
                            "properties": ["template": ["type": "string"], "archive": ["type": "string", "format": "binary"]],
                        ]]],
                    ],
                    "responses": withErrors([
                        "200": [
                            "description": "The summary.",
                            "headers": ["Content-Disposition": contentDisposition],
                            "content": [
                                OutputFormat.xlsx.mediaType: ["schema": binary],
                                "application/json": ["schema": ref("CollectReport")],
                            ],
                        ],
                    ], ["400", "401", "413", "415", "422", "500", "503"]),
                ],
            ],
        ]
    }

    /// `?format=`, `?print=` and `?keepGoing=` of the batch routes.
    static let batchOptions: [OpenAPIValue] = [
        [
            "name": "format", "in": "query", "required": false,
            "description": "xlsx (default), docx, pdf (LibreOffice's print of each form's DOCX), both (xlsx and docx) or all (xlsx, docx and pdf). PDF needs LibreOffice (503 without it, before any work) and runs on the PDF pool under the long deadline (--long-timeout, 300 s by default): measured at roughly 1,300 forms a minute on 2 cores with 2 warm LibreOffice instances (20 forms in about 1 s, 100 in about 4.5 s, print.pdf included), so a list of a few thousand forms fits; split a longer one, or raise the deadline.",
            "schema": ["type": "string", "enum": ["xlsx", "docx", "pdf", "both", "all"], "default": "xlsx"],
        ],
        [
            "name": "print", "in": "query", "required": false,
            "description": "Also put print.pdf in the zip: every form's PDF in the list's order, each from a new page (joined with pdfunite; 503 without LibreOffice or pdfunite). With xlsx, docx or both the PDFs are made for it and not kept.",
            "schema": ["type": "boolean", "default": false],
        ],
        [
            "name": "keepGoing", "in": "query", "required": false,
            "description": "Write the good records even when some are bad; the bad ones are marked in manifest.csv.",
            "schema": ["type": "boolean", "default": false],
        ],
    ]

    /// The `id` path parameter takes the ids of the templates loaded at start; any other is a 404.
    static func parameters(templateIDs: [String]) -> OpenAPIValue {
        [
            "TemplateID": [
                "name": "id", "in": "path", "required": true,
                "description": "A template id, as GET /api/templates lists them.",
                "schema": ["type": "string", "enum": .array(templateIDs.map { .string($0) })],
                "example": .string(templateIDs.first ?? ""),
            ],
            "FormFormat": formFormat,
            "RenderFormat": renderFormat,
        ]
    }

    static let formFormat: OpenAPIValue = [
        "name": "format", "in": "query", "required": false,
        "description": "xlsx (default) or docx.",
        "schema": ["type": "string", "enum": ["xlsx", "docx"], "default": "xlsx"],
    ]

    static let renderFormat: OpenAPIValue = [
        "name": "format", "in": "query", "required": false,
        "description": "xlsx (default), docx or pdf.",
        "schema": ["type": "string", "enum": ["xlsx", "docx", "pdf"], "default": "xlsx"],
    ]

    /// The answer of `/api/notices/preview`: every page drawn, as data URLs.
    static let previewPages: OpenAPIValue = [
        "description": "The pages drawn; X-Page-Count repeats pageCount.",
        "headers": ["X-Page-Count": ["description": "Pages in the notice's PDF.", "schema": ["type": "integer"]]],
        "content": ["application/json": ["schema": [
            "type": "object",
            "required": ["pageCount", "dpi", "truncated", "pages"],
            "properties": [
                "pageCount": ["type": "integer", "minimum": 1],
                "dpi": ["type": "integer"],
                "truncated": ["type": "boolean", "description": "More pages than were drawn."],
                "pages": ["type": "array", "items": [
                    "type": "object",
                    "required": ["number", "width", "height", "image"],
                    "properties": [
                        "number": ["type": "integer", "minimum": 1],
                        "width": ["type": "integer"],
                        "height": ["type": "integer"],
                        "image": ["type": "string", "description": "data:image/png;base64,…"],
                    ],
                ]],
            ],
        ]]],
    ]

    static let binary: OpenAPIValue = ["schema": ["type": "string", "format": "binary"]]

    /// A batch's answer, with the counts the web page reports.
    static let batchZip: OpenAPIValue = [
        "description": "batch.zip: the forms (and their PDFs with format=pdf or all), manifest.csv, and print.pdf with print=true.",
        "headers": [
            "Content-Disposition": contentDisposition,
            "X-Gongwen-Forms": ["description": "The forms the zip holds.", "schema": ["type": "integer", "minimum": 0]],
            "X-Gongwen-Invalid-Forms": [
                "description": "Forms left out because their records are bad (keepGoing=true); marked in manifest.csv.",
                "schema": ["type": "integer", "minimum": 0],
            ],
        ],
        "content": ["application/zip": binary],
    ]

    static let contentDisposition: OpenAPIValue = [
        "description": "attachment; filename=\"<ASCII fallback>\"; filename*=UTF-8''<the Chinese name, percent-encoded> (RFC 6266, RFC 5987). Forms are named by their title and, when filled, the project or reporting unit (`…备案表-郑州市科技馆.xlsx`); blank ones by the title and （空表）.",
        "schema": ["type": "string"],
    ]

    static func ref(_ schema: String) -> OpenAPIValue { ["$ref": .string("#/components/schemas/" + schema)] }

    static func parameterRef(_ name: String) -> OpenAPIValue { ["$ref": .string("#/components/parameters/" + name)] }

    static func json(_ description: String, _ schema: OpenAPIValue) -> OpenAPIValue {
        ["description": .string(description), "content": ["application/json": ["schema": schema]]]
    }

    static func file(_ description: String, _ mediaTypes: [String]) -> OpenAPIValue {
        [
            "description": .string(description),
            "headers": ["Content-Disposition": contentDisposition],
            "content": .object(mediaTypes.map { (key: $0, value: binary) }),
        ]
    }

    /// `responses` followed by the shared error responses for `statuses`.
    static func withErrors(_ responses: OpenAPIValue, _ statuses: [String]) -> OpenAPIValue {
        guard case .object(let members) = responses else { return responses }
        return .object(members + statuses.map { (key: $0, value: OpenAPIResponses.ref(OpenAPIResponses.name(for: $0))) })
    }

    /// The notice schema as components: the root as `Notice`, each `$defs` entry as
    /// `Notice<Name>`, references rewritten to match. Without the file, any object.
    static func noticeSchemas(_ schema: JSONValue?) -> [(key: String, value: OpenAPIValue)] {
        guard let schema else { return [(key: "Notice", value: ["type": "object"])] }
        let rewrite: (String) -> String = { target in
            target.hasPrefix("#/$defs/") ? "#/components/schemas/Notice" + target.dropFirst("#/$defs/".count) : target
        }
        let value = OpenAPIValue(schema).mappingReferences(rewrite)
        var result = [(key: "Notice", value: value.removing(["$schema", "$defs", "$id"]))]
        if case .object(let defs)? = value["$defs"] {
            result += defs.map { (key: "Notice" + $0.key, value: $0.value) }
        }
        return result
    }
}
