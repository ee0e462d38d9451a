import Gongwen

/// The JSON shapes the API sends: problems, templates, the collect report.
enum OpenAPISchemas {
    static var all: [(key: String, value: OpenAPIValue)] {
        [
            (key: "Problem", value: problem),
            (key: "FieldError", value: fieldError),
            (key: "Health", value: health),
            (key: "HealthReport", value: healthReport),
            (key: "TemplateSummary", value: templateSummary),
            (key: "FieldDefinition", value: fieldDefinition),
            (key: "FieldGroup", value: fieldGroup),
            (key: "CollectReport", value: collectReport),
            (key: "CollectedFile", value: collectedFile),
        ]
    }

    static let problem: OpenAPIValue = [
        "type": "object",
        "description": "RFC 9457 problem details.",
        "required": ["type", "title", "status", "detail", "errors"],
        "properties": [
            "type": ["type": "string", "description": "A URI naming the kind of problem, e.g. urn:gongwen:problem:invalid-data."],
            "title": ["type": "string"],
            "status": ["type": "integer", "minimum": 400, "maximum": 599],
            "detail": ["type": "string"],
            "errors": ["type": "array", "items": ["$ref": "#/components/schemas/FieldError"]],
        ],
    ]

    static let fieldError: OpenAPIValue = [
        "type": "object",
        "description": "One problem with one field: its key, its Chinese label, the rule it broke (a stable id) and what the rule says.",
        "required": ["field", "label", "rule", "message"],
        "properties": [
            "field": ["type": "string", "description": "The key as the data wrote it, e.g. summary or rows[2].name."],
            "label": ["type": "string", "description": "The Chinese label, e.g. 项目简介; empty for a key the form does not have."],
            "rule": ["type": "string", "description": .string((FieldRule.all.map(\.id) + ["malformed-record", "unknown-layout", "enum", "boolean"]).joined(separator: ", "))],
            "message": ["type": "string"],
            "record": ["type": "string", "description": "Batch only: the row or line of the list (2, or 2-5 for a list form's rows)."],
        ],
    ]

    static let health: OpenAPIValue = [
        "type": "object",
        "required": ["status"],
        "properties": ["status": ["type": "string", "enum": ["ok"]]],
    ]

    static let queue: OpenAPIValue = [
        "type": "object",
        "required": ["concurrency", "queueLimit", "load"],
        "properties": [
            "concurrency": ["type": "integer", "description": "Requests that run at once."],
            "queueLimit": ["type": "integer", "description": "Requests that may wait; more are answered 503 with Retry-After."],
            "load": ["type": "integer", "description": "Requests running or waiting now."],
        ],
    ]

    static let healthReport: OpenAPIValue = [
        "type": "object",
        "required": ["status", "render", "pdf"],
        "properties": [
            "status": ["type": "string", "enum": ["ok"]],
            "render": queue,
            "pdf": [
                "type": "object",
                "required": ["engine", "requests"],
                "properties": [
                    "engine": ["type": "string", "enum": ["missing", "not-started", "warm", "cold"],
                               "description": "warm: LibreOffice's pool; cold: a fresh LibreOffice per PDF (see reason)."],
                    "reason": ["type": "string"],
                    "requests": queue,
                    "pool": [
                        "type": "object",
                        "required": ["instancesUp", "busy", "jobsDone", "jobsFailed", "retries", "restarts", "recycled", "waiting"],
                        "properties": [
                            "instancesUp": ["type": "integer"], "busy": ["type": "integer"],
                            "jobsDone": ["type": "integer"], "jobsFailed": ["type": "integer"],
                            "retries": ["type": "integer", "description": "Jobs tried again after their instance died or overran."],
                            "restarts": ["type": "integer", "description": "Instances started anew after a fault."],
                            "recycled": ["type": "integer", "description": "Instances replaced after their job count or above the memory ceiling."],
                            "waiting": ["type": "integer"],
                            "secondsPerJob": ["type": "number", "description": "Recent wall time of a conversion."],
                        ],
                    ],
                ],
            ],
        ],
    ]

    static let templateSummary: OpenAPIValue = [
        "type": "object",
        "required": ["id", "form", "formName", "title", "source", "fields", "layout", "totals", "groups"],
        "properties": [
            "id": ["type": "string"],
            "form": ["type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
                     "description": "The form kind this template is a variant of; variants of one kind share their field keys."],
            "formName": ["type": "string", "description": "The name of the form kind, e.g. 重点项目（活动）备案表."],
            "subject": ["type": "string", "description": "The field that names a filled form (file and download names, collect rows)."],
            "totals": ["type": "array", "items": ["type": "string"], "description": "The fields collect adds up."],
            "title": ["type": "string"],
            "source": ["type": "string"],
            "fields": ["type": "array", "items": ["$ref": "#/components/schemas/FieldDefinition"]],
            "layout": [
                "type": "object",
                "description": "As in the template file: a grid (columns, rows of cells with text or field, colSpan, rowSpan) or a list (columns of rows[]. fields, blankRows).",
                "required": ["type"],
                "properties": ["type": ["type": "string", "enum": ["grid", "list"]]],
                "additionalProperties": true,
            ],
            "header": [
                "type": "object",
                "description": "The line above the table, e.g. 填报单位（盖章）： followed by the value of field.",
                "required": ["text"],
                "properties": ["text": ["type": "string"], "field": ["type": "string"]],
            ],
            "groups": [
                "type": "array",
                "description": "The fields outside a list's rows in the sections a form shows them in, in layout order: the header line's field alone, then the table's groups, then the fields the layout does not place.",
                "items": ["$ref": "#/components/schemas/FieldGroup"],
            ],
        ],
    ]

    static let fieldDefinition: OpenAPIValue = [
        "type": "object",
        "required": ["key", "label", "type", "required"],
        "properties": [
            "key": ["type": "string", "description": "Dotted for nested values (funds.central), rows[]. for the columns of a list form."],
            "label": ["type": "string"],
            "type": ["type": "string", "enum": .array(FieldType.allCases.map { .string($0.rawValue) })],
            "required": ["type": "boolean"],
            "maxLength": ["type": "integer"],
            "hint": ["type": "string"],
        ],
    ]

    static let fieldGroup: OpenAPIValue = [
        "type": "object",
        "description": "The fields under a label that spans several rows of the table's first column, or a run of fields outside any such label.",
        "required": ["fields"],
        "properties": [
            "label": ["type": "string", "description": "The group's label, e.g. 活动经费投入数量 (单位：万元); absent for fields outside any group."],
            "unit": ["type": "string", "description": "The unit the label names, e.g. 万元."],
            "fields": [
                "type": "array",
                "items": [
                    "type": "object",
                    "required": ["key", "wide"],
                    "properties": [
                        "key": ["type": "string"],
                        "wide": ["type": "boolean", "description": "Whether the input takes the whole width of the form."],
                    ],
                ],
            ],
        ],
    ]

    static let collectReport: OpenAPIValue = [
        "type": "object",
        "required": ["template", "collected", "notCollected", "files", "skipped", "totals"],
        "properties": [
            "template": ["type": "string"],
            "collected": ["type": "integer", "minimum": 0],
            "notCollected": ["type": "integer", "minimum": 0],
            "files": ["type": "array", "items": ["$ref": "#/components/schemas/CollectedFile"]],
            "skipped": [
                "type": "array",
                "description": "Members of the zip that are not .xlsx or .docx files, not read.",
                "items": [
                    "type": "object", "required": ["file", "detail"],
                    "properties": ["file": ["type": "string"], "detail": ["type": "string"]],
                ],
            ],
            "totals": [
                "type": "object",
                "description": "Sums of the numeric fields over the collected files, by field key.",
                "additionalProperties": ["type": "number"],
            ],
        ],
    ]

    static let collectedFile: OpenAPIValue = [
        "type": "object",
        "required": ["file", "status"],
        "properties": [
            "file": ["type": "string", "description": "The file's path inside the zip."],
            "status": ["type": "string", "enum": ["collected", "invalid", "refused"]],
            "format": ["type": "string", "enum": ["xlsx", "docx"]],
            "data": ["type": "object", "description": "The values read, in the shape POST /api/render takes."],
            "warnings": ["type": "array", "items": ["$ref": "#/components/schemas/FieldError"]],
            "errors": ["type": "array", "items": ["$ref": "#/components/schemas/FieldError"]],
            "notes": ["type": "array", "items": ["type": "string"]],
            "detail": ["type": "string", "description": "Why a refused file was not read."],
        ],
    ]
}
