//! `dossier extract`: HTML pages to article text, or every field as JSON.

use std::io::Read;
use std::process::ExitCode;

use anyhow::bail;

use crate::cli::ExtractArgs;
use crate::output;

/// Largest page read (bytes); larger pages are an error for that page.
const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;

fn read_page(page: &str) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if page == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_PAGE_BYTES + 1)
            .read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(page)?
            .take(MAX_PAGE_BYTES + 1)
            .read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        bail!("page is over the {MAX_PAGE_BYTES}-byte cap");
    }
    Ok(bytes)
}

/// Extracts each page; a page that cannot be read is reported and the rest go on.
pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let json = match args.format.as_str() {
        "text" => false,
        "json" => true,
        other => bail!("--format \"{other}\" is not text or json"),
    };
    let mut failed = 0;
    let mut done = 0;
    for page in &args.pages {
        let bytes = match read_page(page) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("error: {page}: {error}");
                failed += 1;
                continue;
            }
        };
        let article = dossier_extract::extract_html(&bytes, args.url.as_deref());
        done += 1;
        if json {
            let mut value = serde_json::to_value(&article)?;
            if let Some(object) = value.as_object_mut() {
                object.insert(
                    "author".into(),
                    serde_json::Value::String(article.authors.join("; ")),
                );
                object.insert(
                    "date".into(),
                    article
                        .published
                        .clone()
                        .map_or(serde_json::Value::Null, serde_json::Value::String),
                );
                object.insert("page".into(), serde_json::Value::String(page.clone()));
            }
            output::write(&serde_json::to_string(&value)?, None)?;
        } else {
            output::write(&article.text, None)?;
        }
    }
    Ok(match (done, failed) {
        (0, _) => ExitCode::from(2),
        (_, 0) => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    })
}
