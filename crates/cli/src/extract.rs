//! `dossier extract`: HTML pages to article text, or every field as JSON; with `--out-dir`, one
//! JSON file per page (the batch form `score.py --pred-dir` reads).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use dossier_extract::Article;

use crate::cli::ExtractArgs;
use crate::output;

/// Largest page read (bytes); larger pages are an error for that page.
const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;
/// Largest URL list read (bytes).
const MAX_URL_LIST_BYTES: u64 = 64 * 1024 * 1024;

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

/// Page URLs by page name (file name less `.html`), from a TSV of name and URL.
fn read_urls(path: &Path) -> anyhow::Result<HashMap<String, String>> {
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_URL_LIST_BYTES).read_to_string(&mut text))
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .filter(|(_, url)| url.contains("://"))
        .map(|(name, url)| (name.to_string(), url.trim().to_string()))
        .collect())
}

/// A page's name: its file name without `.html` or `.htm`.
fn page_name(page: &str) -> String {
    let name = Path::new(page)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| page.to_string());
    for suffix in [".html", ".htm"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            return stem.to_string();
        }
    }
    name
}

/// Every field of the article, plus `author` (names joined with "; "), `date` (the published
/// date or null) and `page`.
fn to_json(article: &Article, page: &str) -> anyhow::Result<String> {
    let mut value = serde_json::to_value(article)?;
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
        object.insert("page".into(), serde_json::Value::String(page.to_string()));
    }
    Ok(serde_json::to_string(&value)?)
}

/// Extracts each page; a page that cannot be read or written is reported and the rest go on.
pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let json = match args.format.as_str() {
        "text" => false,
        "json" => true,
        other => bail!("--format \"{other}\" is not text or json"),
    };
    let urls = match &args.urls {
        Some(path) => read_urls(path)?,
        None => HashMap::new(),
    };
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
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
        let name = page_name(page);
        let url = args
            .url
            .as_deref()
            .or_else(|| urls.get(&name).map(String::as_str));
        let article = dossier_extract::extract_html(&bytes, url);
        if let Some(dir) = &args.out_dir {
            let path: PathBuf = dir.join(format!("{name}.json"));
            let written = to_json(&article, page)
                .and_then(|text| std::fs::write(&path, text).map_err(anyhow::Error::from));
            if let Err(error) = written {
                eprintln!("error: {}: {error}", path.display());
                failed += 1;
                continue;
            }
        } else if json {
            output::write(&to_json(&article, page)?, None)?;
        } else {
            output::write(&article.text, None)?;
        }
        done += 1;
    }
    Ok(match (done, failed) {
        (0, _) => ExitCode::from(2),
        (_, 0) => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    })
}
