//! Arrow schemas of the output tables, defined once, and the conversion of records to batches.

use std::sync::{Arc, LazyLock};

use arrow::array::{
    ArrayRef, BooleanArray, Float32Array, Int32Array, Int64Array, ListArray, RecordBatch,
    StringArray, StructArray, TimestampMicrosecondArray,
};
use arrow::buffer::OffsetBuffer;
use arrow::datatypes::{DataType, Field, Fields, Schema, SchemaRef, TimeUnit};
use chrono::{DateTime, Utc};

use crate::record::{DocumentRecord, OcrPage, Score};

/// Version of the output schema, stored in every file's key-value metadata under
/// [`SCHEMA_VERSION_KEY`].
pub const SCHEMA_VERSION: &str = "1";
/// Metadata key holding [`SCHEMA_VERSION`].
pub const SCHEMA_VERSION_KEY: &str = "arkiv.schema_version";

/// Run-level values written to every document row.
#[derive(Debug, Clone)]
pub struct RunContext {
    /// Run identifier.
    pub run_id: String,
    /// `name@version+sha256:…` of the model.
    pub model_id: String,
    /// arkiv's version.
    pub arkiv_version: String,
}

fn pii_fields() -> Fields {
    Fields::from(vec![
        Field::new("type", DataType::Utf8, false),
        Field::new("start", DataType::Int32, false),
        Field::new("end", DataType::Int32, false),
        Field::new("detector", DataType::Utf8, false),
        Field::new("confidence", DataType::Float32, false),
    ])
}

fn score_fields() -> Fields {
    Fields::from(vec![
        Field::new("label", DataType::Utf8, false),
        Field::new("score", DataType::Float32, false),
    ])
}

fn word_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("confidence", DataType::Float32, false),
        Field::new("left", DataType::Int32, false),
        Field::new("top", DataType::Int32, false),
        Field::new("width", DataType::Int32, false),
        Field::new("height", DataType::Int32, false),
    ])
}

fn list_of(fields: Fields) -> DataType {
    DataType::List(Arc::new(Field::new(
        "item",
        DataType::Struct(fields),
        false,
    )))
}

fn list_of_strings() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, false)))
}

fn with_version(fields: Vec<Field>) -> SchemaRef {
    let metadata: std::collections::HashMap<String, String> =
        [(SCHEMA_VERSION_KEY.to_string(), SCHEMA_VERSION.to_string())]
            .into_iter()
            .collect();
    Arc::new(Schema::new_with_metadata(fields, metadata))
}

static DOCUMENTS: LazyLock<SchemaRef> = LazyLock::new(|| {
    with_version(vec![
        Field::new("doc_id", DataType::Utf8, false),
        Field::new("source_path", DataType::Utf8, false),
        Field::new("source_bytes", DataType::Int64, false),
        Field::new("media_type", DataType::Utf8, false),
        Field::new("page_count", DataType::Int32, false),
        Field::new("status", DataType::Utf8, false),
        Field::new("error", DataType::Utf8, true),
        Field::new("text_source", DataType::Utf8, false),
        Field::new("ocr_confidence", DataType::Float32, true),
        Field::new("text", DataType::Utf8, false),
        Field::new("text_masked", DataType::Utf8, false),
        Field::new("pii", list_of(pii_fields()), false),
        Field::new("category", DataType::Utf8, true),
        Field::new("category_confidence", DataType::Float32, true),
        Field::new("category_scores", list_of(score_fields()), false),
        Field::new("sensitivity", DataType::Utf8, false),
        Field::new("sensitivity_confidence", DataType::Float32, true),
        Field::new("sensitivity_scores", list_of(score_fields()), false),
        Field::new("model_sensitivity", DataType::Utf8, true),
        Field::new("sensitivity_floor", DataType::Utf8, false),
        Field::new("sensitivity_reasons", list_of_strings(), false),
        Field::new("sensitivity_review_confidence", DataType::Float32, true),
        Field::new("needs_review", DataType::Boolean, false),
        Field::new("review_reasons", list_of_strings(), false),
        Field::new("review_priority", DataType::Float32, false),
        Field::new("model_id", DataType::Utf8, false),
        Field::new("arkiv_version", DataType::Utf8, false),
        Field::new("run_id", DataType::Utf8, false),
        Field::new(
            "processed_at",
            DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
            false,
        ),
    ])
});

static PAGES: LazyLock<SchemaRef> = LazyLock::new(|| {
    with_version(vec![
        Field::new("doc_id", DataType::Utf8, false),
        Field::new("page_no", DataType::Int32, false),
        Field::new("width", DataType::Int32, false),
        Field::new("height", DataType::Int32, false),
        Field::new("dpi", DataType::Float32, false),
        Field::new("rotation", DataType::Int32, false),
        Field::new("skew", DataType::Float32, false),
        Field::new("ocr_confidence", DataType::Float32, true),
        Field::new("text", DataType::Utf8, false),
        Field::new("words", list_of(word_fields()), false),
        Field::new("text_source", DataType::Utf8, false),
        Field::new("engine", DataType::Utf8, false),
        Field::new("preprocessing", list_of_strings(), false),
        Field::new("error", DataType::Utf8, true),
        Field::new("run_id", DataType::Utf8, false),
    ])
});

/// Schema of `documents/*.parquet`: one row per input document.
pub fn documents_schema() -> SchemaRef {
    Arc::clone(&DOCUMENTS)
}

/// Schema of `pages/*.parquet`: one row per page.
pub fn pages_schema() -> SchemaRef {
    Arc::clone(&PAGES)
}

fn strings<'a>(values: impl IntoIterator<Item = &'a str>) -> ArrayRef {
    Arc::new(StringArray::from_iter_values(values))
}

fn opt_strings<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(values.into_iter().collect::<StringArray>())
}

fn field_of(schema: &Schema, name: &str) -> Arc<Field> {
    let DataType::List(item) = schema
        .field_with_name(name)
        .expect("column defined in schema")
        .data_type()
    else {
        unreachable!("{name} is a list column");
    };
    Arc::clone(item)
}

fn offsets<T>(rows: &[Vec<T>]) -> OffsetBuffer<i32> {
    OffsetBuffer::from_lengths(rows.iter().map(Vec::len))
}

fn string_list(schema: &Schema, name: &str, rows: Vec<Vec<&str>>) -> ArrayRef {
    let offsets = offsets(&rows);
    let values = strings(rows.into_iter().flatten());
    Arc::new(ListArray::new(
        field_of(schema, name),
        offsets,
        values,
        None,
    ))
}

/// The type of a label/score list column (`category_scores`, `sensitivity_scores`).
pub fn score_list_type() -> DataType {
    list_of(score_fields())
}

/// A label/score list column of type [`score_list_type`], one list per row.
pub fn score_list_array(rows: Vec<Vec<&Score>>) -> ArrayRef {
    let DataType::List(item) = score_list_type() else {
        unreachable!("score_list_type is a list");
    };
    score_list_of(item, rows)
}

fn score_list(schema: &Schema, name: &str, rows: Vec<Vec<&Score>>) -> ArrayRef {
    score_list_of(field_of(schema, name), rows)
}

fn score_list_of(item: Arc<Field>, rows: Vec<Vec<&Score>>) -> ArrayRef {
    let offsets = offsets(&rows);
    let flat: Vec<&Score> = rows.into_iter().flatten().collect();
    let values = StructArray::new(
        score_fields(),
        vec![
            strings(flat.iter().map(|s| s.label.as_str())),
            Arc::new(Float32Array::from_iter_values(flat.iter().map(|s| s.score))),
        ],
        None,
    );
    Arc::new(ListArray::new(item, offsets, Arc::new(values), None))
}

fn clamp_i32(v: impl TryInto<i32>) -> i32 {
    v.try_into().unwrap_or(i32::MAX)
}

/// Converts document records to a batch of the documents schema.
pub fn documents_batch(
    records: &[DocumentRecord],
    ctx: &RunContext,
    processed_at: DateTime<Utc>,
) -> RecordBatch {
    let schema = documents_schema();
    let n = records.len();
    let pii_rows: Vec<Vec<&crate::pii::Finding>> =
        records.iter().map(|r| r.pii.iter().collect()).collect();
    let pii_offsets = offsets(&pii_rows);
    let flat: Vec<&crate::pii::Finding> = pii_rows.into_iter().flatten().collect();
    let pii_values = StructArray::new(
        pii_fields(),
        vec![
            strings(flat.iter().map(|f| f.kind.as_str())),
            Arc::new(Int32Array::from_iter_values(
                flat.iter().map(|f| clamp_i32(f.start)),
            )),
            Arc::new(Int32Array::from_iter_values(
                flat.iter().map(|f| clamp_i32(f.end)),
            )),
            strings(flat.iter().map(|f| f.detector)),
            Arc::new(Float32Array::from_iter_values(
                flat.iter().map(|f| f.confidence),
            )),
        ],
        None,
    );
    fn pred(r: &DocumentRecord) -> Option<&crate::record::Prediction> {
        r.prediction.as_ref()
    }
    let columns: Vec<ArrayRef> = vec![
        strings(records.iter().map(|r| r.document.source.doc_id.as_str())),
        Arc::new(StringArray::from_iter_values(
            records
                .iter()
                .map(|r| r.document.source.path.to_string_lossy()),
        )),
        Arc::new(Int64Array::from_iter_values(
            records.iter().map(|r| r.document.source.bytes as i64),
        )),
        strings(
            records
                .iter()
                .map(|r| r.document.source.media_type.as_mime()),
        ),
        Arc::new(Int32Array::from_iter_values(
            records.iter().map(|r| clamp_i32(r.document.pages.len())),
        )),
        strings(records.iter().map(|r| r.document.status.as_str())),
        opt_strings(records.iter().map(|r| r.document.error.as_deref())),
        strings(records.iter().map(|r| r.document.text_source().as_str())),
        Arc::new(
            records
                .iter()
                .map(|r| r.document.ocr_confidence())
                .collect::<Float32Array>(),
        ),
        strings(records.iter().map(|r| r.text.as_str())),
        strings(records.iter().map(|r| r.text_masked.as_str())),
        Arc::new(ListArray::new(
            field_of(&schema, "pii"),
            pii_offsets,
            Arc::new(pii_values),
            None,
        )),
        opt_strings(records.iter().map(|r| pred(r).map(|p| p.category.as_str()))),
        Arc::new(
            records
                .iter()
                .map(|r| pred(r).map(|p| p.category_confidence))
                .collect::<Float32Array>(),
        ),
        score_list(
            &schema,
            "category_scores",
            records
                .iter()
                .map(|r| {
                    pred(r)
                        .map(|p| p.category_scores.iter().collect())
                        .unwrap_or_default()
                })
                .collect(),
        ),
        strings(records.iter().map(|r| r.decision.sensitivity.as_str())),
        Arc::new(
            records
                .iter()
                .map(|r| pred(r).map(|p| p.sensitivity_confidence))
                .collect::<Float32Array>(),
        ),
        score_list(
            &schema,
            "sensitivity_scores",
            records
                .iter()
                .map(|r| {
                    pred(r)
                        .map(|p| p.sensitivity_scores.iter().collect())
                        .unwrap_or_default()
                })
                .collect(),
        ),
        opt_strings(
            records
                .iter()
                .map(|r| pred(r).map(|p| p.sensitivity.as_str())),
        ),
        strings(records.iter().map(|r| r.decision.floor.as_str())),
        string_list(
            &schema,
            "sensitivity_reasons",
            records
                .iter()
                .map(|r| {
                    r.decision
                        .sensitivity_reasons
                        .iter()
                        .map(String::as_str)
                        .collect()
                })
                .collect(),
        ),
        Arc::new(Float32Array::from_iter(
            records
                .iter()
                .map(|r| r.decision.sensitivity_review_confidence),
        )),
        Arc::new(BooleanArray::from_iter(
            records.iter().map(|r| Some(r.decision.needs_review)),
        )),
        string_list(
            &schema,
            "review_reasons",
            records
                .iter()
                .map(|r| {
                    r.decision
                        .review_reasons
                        .iter()
                        .map(String::as_str)
                        .collect()
                })
                .collect(),
        ),
        Arc::new(Float32Array::from_iter_values(
            records.iter().map(|r| r.decision.review_priority),
        )),
        strings(std::iter::repeat_n(ctx.model_id.as_str(), n)),
        strings(std::iter::repeat_n(ctx.arkiv_version.as_str(), n)),
        strings(std::iter::repeat_n(ctx.run_id.as_str(), n)),
        Arc::new(
            TimestampMicrosecondArray::from_iter_values(std::iter::repeat_n(
                processed_at.timestamp_micros(),
                n,
            ))
            .with_timezone("UTC"),
        ),
    ];
    RecordBatch::try_new(schema, columns).expect("columns match the documents schema")
}

/// Converts the pages of document records to a batch of the pages schema.
pub fn pages_batch(records: &[DocumentRecord], ctx: &RunContext) -> RecordBatch {
    let schema = pages_schema();
    let rows: Vec<(&str, &OcrPage)> = records
        .iter()
        .flat_map(|r| {
            r.document
                .pages
                .iter()
                .map(move |p| (r.document.source.doc_id.as_str(), p))
        })
        .collect();
    let word_rows: Vec<Vec<&crate::record::Word>> =
        rows.iter().map(|(_, p)| p.words.iter().collect()).collect();
    let word_offsets = offsets(&word_rows);
    let words: Vec<&crate::record::Word> = word_rows.into_iter().flatten().collect();
    let bbox = |i: usize| -> ArrayRef {
        Arc::new(Int32Array::from_iter_values(
            words.iter().map(|w| clamp_i32(w.bbox[i])),
        ))
    };
    let word_values = StructArray::new(
        word_fields(),
        vec![
            strings(words.iter().map(|w| w.text.as_str())),
            Arc::new(Float32Array::from_iter_values(
                words.iter().map(|w| w.confidence),
            )),
            bbox(0),
            bbox(1),
            bbox(2),
            bbox(3),
        ],
        None,
    );
    let n = rows.len();
    let columns: Vec<ArrayRef> = vec![
        strings(rows.iter().map(|(id, _)| *id)),
        Arc::new(Int32Array::from_iter_values(
            rows.iter().map(|(_, p)| clamp_i32(p.page_no)),
        )),
        Arc::new(Int32Array::from_iter_values(
            rows.iter().map(|(_, p)| clamp_i32(p.width)),
        )),
        Arc::new(Int32Array::from_iter_values(
            rows.iter().map(|(_, p)| clamp_i32(p.height)),
        )),
        Arc::new(Float32Array::from_iter_values(
            rows.iter().map(|(_, p)| p.dpi),
        )),
        Arc::new(Int32Array::from_iter_values(
            rows.iter().map(|(_, p)| i32::from(p.rotation)),
        )),
        Arc::new(Float32Array::from_iter_values(
            rows.iter().map(|(_, p)| p.skew),
        )),
        Arc::new(
            rows.iter()
                .map(|(_, p)| p.ocr_confidence)
                .collect::<Float32Array>(),
        ),
        strings(rows.iter().map(|(_, p)| p.text.as_str())),
        Arc::new(ListArray::new(
            field_of(&schema, "words"),
            word_offsets,
            Arc::new(word_values),
            None,
        )),
        strings(rows.iter().map(|(_, p)| p.text_source.as_str())),
        strings(rows.iter().map(|(_, p)| p.engine.as_str())),
        string_list(
            &schema,
            "preprocessing",
            rows.iter()
                .map(|(_, p)| p.preprocessing.iter().map(String::as_str).collect())
                .collect(),
        ),
        opt_strings(rows.iter().map(|(_, p)| p.error.as_deref())),
        strings(std::iter::repeat_n(ctx.run_id.as_str(), n)),
    ];
    RecordBatch::try_new(schema, columns).expect("columns match the pages schema")
}
