//! Speakers and roles read from whole documents through the public analyzer.

use dossier_analyze::{AnalyzeConfig, Analyzer};
use dossier_model::{Analysis, Document, EntityKind};

fn analyse(text: &str) -> Analysis {
    let doc = Document {
        id: "d1".to_string(),
        path: None,
        url: None,
        outlet: None,
        title: None,
        authors: Vec::new(),
        published: None,
        language: None,
        text: text.to_string(),
        removed: Vec::new(),
        diagnostics: Vec::new(),
    };
    Analyzer::new(&AnalyzeConfig::default()).run(&doc)
}

/// The roles of every mention of the entity named `name`.
fn mention_roles(analysis: &Analysis, name: &str) -> Vec<String> {
    analysis
        .mentions
        .iter()
        .filter(|m| m.canonical == name)
        .flat_map(|m| m.roles.clone())
        .collect()
}

/// The kinds of the mentions written exactly so, in order.
fn kinds_of(analysis: &Analysis, text: &str) -> Vec<EntityKind> {
    analysis
        .mentions
        .iter()
        .filter(|m| m.text == text)
        .map(|m| m.kind)
        .collect()
}

/// Each quote's text with its speaker's name.
fn quoted_by(analysis: &Analysis) -> Vec<(&str, &str)> {
    analysis
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.name.as_str()))
        .collect()
}

#[test]
fn an_inverted_cue_names_the_person_after_the_title() {
    let analysis = analyse(
        "Analysts called the price fair. \"They paid a full price, but not a silly one,\" \
         said Harbin analyst Olga Brandt.",
    );
    let quote = analysis.quotes.first().expect("a quote");
    assert_eq!(quote.speaker.name, "Olga Brandt");
    assert!(!quote.speaker.anonymous);
}

#[test]
fn a_compound_title_before_a_name_is_the_role() {
    let analysis = analyse(
        "The dockers' union said it would strike, union leader Marek Solberg told reporters.",
    );
    let solberg = analysis
        .mentions
        .iter()
        .find(|m| m.kind == EntityKind::Person && m.canonical == "Marek Solberg")
        .expect("Marek Solberg is a person");
    assert!(
        solberg.roles.iter().any(|r| r == "union leader"),
        "roles: {:?}",
        solberg.roles
    );
}

#[test]
fn titles_markup_values_and_inch_marks_are_no_quotes() {
    let analysis = analyse(
        "She spoke on \"Fox News Sunday\" about the race. The file said author=\"jdoe\" there. \
         He is 6'3\" tall and said he felt fine. Critics mocked the \"magic\" pills. \
         The judge held that the act's \"priority jump\" was unlawful.",
    );
    assert!(
        analysis.quotes.is_empty(),
        "{:?}",
        analysis.quotes.iter().map(|q| &q.text).collect::<Vec<_>>()
    );
    let spoken = analyse(
        "\"Yes,\" he said. \"We Will Win,\" the mayor told reporters. The mayor called it \
         \"a fair deal\".",
    );
    assert_eq!(spoken.quotes.len(), 3, "{:?}", spoken.quotes);
}
#[test]
fn speakers_before_a_colon_a_comma_or_after_a_parenthetical() {
    let cases = [
        (
            "As a phone rang, the announcer said, \"It's 3 a.m. and your children are safe.\"",
            "the announcer",
        ),
        (
            "Mr. Varga spoke for an hour. Varga continued:\n\"The person in this debate cannot tell the truth.\"",
            "Varga",
        ),
        (
            "\"If we are the first, we need to do better,\" Rep. Gwen Moore (D-Wis.) said Friday.",
            "Gwen Moore",
        ),
        (
            "Ruiz praised the plan, saying, \"It is the best we have had in years.\"",
            "Ruiz",
        ),
        (
            "Readers wrote in.\n\"He promotes ignorance and nothing else.\" \u{2015} Esther Tapia\n",
            "Esther Tapia",
        ),
    ];
    for (text, speaker) in cases {
        let analysis = analyse(text);
        let names: Vec<&str> = analysis
            .quotes
            .iter()
            .map(|q| q.speaker.name.as_str())
            .collect();
        assert_eq!(names, [speaker], "{text}");
    }
}

#[test]
fn a_document_can_be_the_source() {
    let analysis =
        analyse("\"The state failed to keep its lists up to date,\" said the ruling on Friday.");
    let names: Vec<&str> = analysis
        .quotes
        .iter()
        .map(|q| q.speaker.name.as_str())
        .collect();
    assert_eq!(names, ["the ruling"]);
}

#[test]
fn a_cue_after_an_aside_between_commas_still_names_the_speaker() {
    let analysis = analyse(
        "The inquiry opened on Monday. \"We kept to every rule,\" Hedda Lorn, the harbour \
         board's finance director, told the committee. \"Nobody wants another delay,\" a senior \
         treasury official, who spoke on condition of anonymity, told reporters.",
    );
    let speakers: Vec<(&str, bool)> = analysis
        .quotes
        .iter()
        .map(|q| (q.speaker.name.as_str(), q.speaker.anonymous))
        .collect();
    assert_eq!(
        speakers,
        [("Hedda Lorn", false), ("a senior treasury official", true)]
    );
}

#[test]
fn the_company_is_the_organisation_the_narrative_names_not_one_inside_the_quote() {
    let analysis = analyse(
        "Brightwell Foods denied the claim on Friday. \"Our prices are lower than Pellmart \
         Group charged last year,\" the company said.",
    );
    let quote = analysis.quotes.first().expect("a quote");
    assert_eq!(quote.speaker.name, "Brightwell Foods");
}

#[test]
fn a_lone_name_after_the_port_of_is_a_place_throughout_the_document() {
    let analysis = analyse(
        "Dredging of the port of Ostravel was halted on Tuesday. Ostravel handled two million \
         containers last year.",
    );
    assert_eq!(
        kinds_of(&analysis, "Ostravel"),
        [EntityKind::Place, EntityKind::Place]
    );
}

#[test]
fn a_document_quoting_with_single_marks_has_its_quotes_found() {
    for (open, close) in [("\u{2018}", "\u{2019}"), ("'", "'")] {
        let text = format!(
            "The clinic reopened on Monday.\n\n{open}We are seeing fewer cases,{close} Dr Ana \
             Whitlow, the clinic{close}s director, said. {open}The worst is over.{close}\n\n\
             Parents{close} groups called the delay {open}avoidable{close}."
        );
        let analysis = analyse(&text);
        let quotes: Vec<(&str, &str)> = quoted_by(&analysis);
        assert_eq!(
            quotes[..2],
            [
                ("We are seeing fewer cases", "Ana Whitlow"),
                ("The worst is over.", "Ana Whitlow")
            ],
            "with {open}…{close}: {quotes:?}"
        );
    }
}

#[test]
fn colons_relative_clauses_and_pronouns_find_the_speaker_the_text_means() {
    let analysis = analyse(
        "Mayor Ilona Varga opened the meeting. Petra Sallis, who spoke after the mayor, said \
         the clinic was ready. \"We are prepared,\" she said.\n\n\
         Tomas Reuter stood at the back with a question: \"Who pays for this?\" The mayor did \
         not flinch. \"The town does,\" she replied.\n\n\
         Dr. Lena Orvik, the hospital's director, put it plainly: \"We are full.\"\n\n\
         In an interview, Dr. Jan Hallberg said the level was high, a figure he described as \
         \"far above normal\".",
    );
    let speakers: Vec<(&str, &str)> = quoted_by(&analysis);
    assert_eq!(
        speakers,
        [
            ("We are prepared", "Petra Sallis"),
            ("Who pays for this?", "Tomas Reuter"),
            ("The town does", "Ilona Varga"),
            ("We are full.", "Lena Orvik"),
            ("far above normal", "Jan Hallberg"),
        ]
    );
}

#[test]
fn an_unnamed_source_described_after_its_head_noun_speaks_after_the_quote() {
    let analysis = analyse(
        "Talks went on overnight.\n\n\"We are close, but not on pay,\" a person familiar \
         with the talks told the Ledger. \"The rest can wait.\"",
    );
    let quotes = quoted_by(&analysis);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    for (_, speaker) in quotes {
        assert_eq!(speaker, "a person familiar with the talks");
    }
}

#[test]
fn it_is_the_organisation_the_sentence_before_opens_with_never_a_person() {
    let analysis = analyse(
        "\"We will not move,\" Mira Holt, the union's leader, said on Monday.\n\n\
         The Varrow Harbour Authority has offered 3 percent. In a statement, it said the \
         demand \"would close the port.\"",
    );
    let quotes = quoted_by(&analysis);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert_eq!(quotes[1].1, "Varrow Harbour Authority");
}

#[test]
fn an_it_after_the_organisation_its_own_sentence_opens_with_is_that_one() {
    let analysis = analyse(
        "The Kessel Workers Union said it would keep striking.\n\n\
         The Kessel Port Authority on Tuesday denied that it had hired crews, saying in a \
         statement that it \"has not replaced a single worker.\"",
    );
    let quotes = quoted_by(&analysis);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].1, "Kessel Port Authority");
}

#[test]
fn the_organisation_noun_of_an_object_or_complement_is_no_speaker() {
    // "the authority" after "saying" is the object of the verb, not its subject.
    let analysis = analyse(
        "The Harbor Workers Union called the strike.\n\n\
         Hal Brandt stopped short of saying the authority would go to court, telling \
         reporters only that \"every option is open.\"",
    );
    let quotes = quoted_by(&analysis);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].1, "Hal Brandt");
}

#[test]
fn a_quote_of_several_sentences_in_single_marks_ends_where_its_cue_follows() {
    let analysis = analyse(
        "Title here\nDorotea Vilhaus, the outgoing regional premier, conceded on Tuesday. \
         \u{2018}The count is finished, and so is our time in government. I wish Anton Gressel \
         well,\u{2019} she said in a short statement outside the People\u{2019}s Movement offices.\n",
    );
    assert_eq!(
        quoted_by(&analysis),
        [(
            "The count is finished, and so is our time in government. I wish Anton Gressel well",
            "Dorotea Vilhaus"
        )]
    );
}

/// The roles of the person named `name` in `text`.
fn roles_of(text: &str, name: &str) -> Vec<String> {
    let analysis = analyse(text);
    let person = analysis
        .mentions
        .iter()
        .find(|m| m.kind == EntityKind::Person && m.canonical == name)
        .unwrap_or_else(|| {
            panic!(
                "{name} is a person: {:?}",
                analysis
                    .mentions
                    .iter()
                    .map(|m| &m.canonical)
                    .collect::<Vec<_>>()
            )
        });
    person.roles.clone()
}

#[test]
fn an_apposition_after_an_age_and_one_with_a_plural_possessive_are_roles() {
    let cases = [
        (
            "Tomas Wendel, 64, a retired harbour pilot, said he had waited an hour.",
            "Tomas Wendel",
            "retired harbour pilot",
        ),
        (
            "Ilse Marten, the Farmers\u{2019} League\u{2019}s trade spokeswoman, said the levy was unfair.",
            "Ilse Marten",
            "trade spokeswoman",
        ),
        (
            "\"We will be back,\" said Ada Lorne, 44, a season-ticket holder since childhood.",
            "Ada Lorne",
            "season-ticket holder",
        ),
    ];
    for (text, name, role) in cases {
        let roles = roles_of(text, name);
        assert!(roles.iter().any(|r| r.contains(role)), "{name}: {roles:?}");
    }
}

#[test]
fn a_person_of_an_organisation_is_two_names() {
    let analysis =
        analyse("Dr. Mirela Osk of Varrow Analytics said paying would only fund the next attack.");
    let names: Vec<(&str, EntityKind)> = analysis
        .mentions
        .iter()
        .map(|m| (m.canonical.as_str(), m.kind))
        .collect();
    assert!(
        names.contains(&("Mirela Osk", EntityKind::Person)),
        "{names:?}"
    );
    assert!(!names.iter().any(|(n, _)| n.contains(" of ")), "{names:?}");
}

#[test]
fn a_pronoun_after_a_possessive_opening_means_the_subject_not_the_owner() {
    let analysis = analyse(
        "Tomas Wendel scored twice on Sunday. Wendel's agent, Lina Ostrova, said the striker \
         had not asked to leave. \"He has asked for nothing and been promised nothing,\" she \
         told the paper.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [(
            "He has asked for nothing and been promised nothing",
            "Lina Ostrova"
        )]
    );
}

#[test]
fn the_league_is_the_league_named_before() {
    let analysis = analyse(
        "Tomas Wendel scored twice. Separately, the Ostmark Football League said on Tuesday \
         that it had opened a case. The league said the panel would examine \"whether the \
         payments were properly declared\" under its rules.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [(
            "whether the payments were properly declared",
            "Ostmark Football League"
        )]
    );
}

/// Each claim's text (its first words) with its source's name.
/// The source of the claim whose first words start with `start`.
/// Checks the source of each claim that opens with the given words.
fn assert_sources(analysis: &Analysis, expected: &[(&str, &str)]) {
    let claims = claimed_by(analysis);
    for (start, source) in expected {
        let found = claims
            .iter()
            .find(|(text, _)| text.starts_with(start))
            .and_then(|(_, source)| source.as_deref());
        assert_eq!(
            found,
            Some(*source),
            "the claim opening {start:?}: {claims:?}"
        );
    }
}

fn claimed_by(analysis: &Analysis) -> Vec<(String, Option<String>)> {
    analysis
        .claims
        .iter()
        .map(|c| {
            (
                c.text
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" "),
                c.source.as_ref().map(|s| s.name.clone()),
            )
        })
        .collect()
}

#[test]
fn an_office_speaks_for_the_person_it_serves() {
    let analysis = analyse(
        "Prime Minister Edvard Brannock has refused to withdraw the bill, and his office said on \
         Thursday that there was \"no question\" of doing so.\n\
         The prime minister's office said on Sunday that it would \"not comment on stolen \
         correspondence\".",
    );
    let office = "Prime Minister Edvard Brannock's office";
    assert_eq!(
        quoted_by(&analysis),
        [
            ("no question", office),
            ("not comment on stolen correspondence", office)
        ]
    );
    // The clause before the office's own is the narrative's, not the office's.
    let claims = claimed_by(&analysis);
    assert_eq!(claims[0], ("Prime Minister Edvard".to_string(), None));
    assert_eq!(claims[1].1.as_deref(), Some(office));
}

#[test]
fn the_police_and_one_of_them_are_sources_named_before() {
    let analysis = analyse(
        "Thousands marched on Thursday, the Castellor Metropolitan Police said.\n\
         In a statement, the police said: \"Officers showed great restraint.\"\n\
         Two people with direct knowledge of the tender told the paper that the bid was cut.\n\
         \"The minister knew exactly what was happening,\" one of them said.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [
            (
                "Officers showed great restraint.",
                "Castellor Metropolitan Police"
            ),
            (
                "The minister knew exactly what was happening",
                "two people with direct knowledge of the tender"
            ),
        ]
    );
}

#[test]
fn a_person_of_an_organisation_and_the_antecedent_of_who_are_the_speakers() {
    let analysis = analyse(
        "The disclosure adds to pressure on the interior minister, Henrike Valtsen, who told \
         parliament on Friday that the police had acted \"proportionately and lawfully\".\n\
         Judge Alma Lisenau of the Castellor District Court said prosecutors had presented \
         \"the same two paragraphs for every defendant\".",
    );
    assert_eq!(
        quoted_by(&analysis),
        [
            ("proportionately and lawfully", "Henrike Valtsen"),
            (
                "the same two paragraphs for every defendant",
                "Alma Lisenau"
            ),
        ]
    );
    // The sentence around the relative clause is the narrative's; the clause is hers.
    let claims = claimed_by(&analysis);
    assert_eq!(claims[0].1, None, "{claims:?}");
    assert_eq!(
        claims[1].1.as_deref(),
        Some("Henrike Valtsen"),
        "{claims:?}"
    );
}

#[test]
fn a_name_a_trade_gives_a_thing_is_no_quote_but_a_characterisation_is() {
    let analysis = analyse(
        "Restarting a grid from nothing is what the industry calls a \"black start\", and it \
         took hours.\n\
         Crews then faced what is known as \"cold-load pickup\" across the region.\n\
         The minister called it \"a fundamentally different situation\" on Monday.\n\
         Contracts may run until Sept. 30, a period the commission calls a \"wind-down \
         window\". The draft calls the guaranteed share a \"dry-season floor\".\n\
         The senator called her rival a \"reckless gambler\" at the rally.",
    );
    let quoted: Vec<&str> = analysis.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        quoted,
        ["a fundamentally different situation", "reckless gambler"]
    );
}

#[test]
fn a_role_with_the_short_name_of_an_organisation_is_given_with_its_full_name() {
    let roles = roles_of(
        "The Tarvessan Athletics Federation met on Monday. Federation president Agathe Pirell \
         called it a hard day.",
        "Agathe Pirell",
    );
    assert!(
        roles
            .iter()
            .any(|r| r == "Tarvessan Athletics Federation president"),
        "roles: {roles:?}"
    );
}

#[test]
fn the_owner_before_a_role_is_not_the_subject_a_colon_quote_goes_to() {
    let analysis = analyse(
        "Noemi Aldaran was suspended on Tuesday.\n\
         Aldaran's lawyer Helena Ferrow issued a statement on Monday afternoon: \"The B sample \
         tells us nothing new.\"",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("The B sample tells us nothing new.", "Helena Ferrow")]
    );
}

#[test]
fn she_after_an_organisation_spoke_is_no_organisation() {
    let analysis = analyse(
        "Governor Sanna Leverin visited the town on Monday.\n\
         Seldra Power denied that its equipment had started the fire.\n\
         She called the fire \"a test of everything we have\" and said help was coming.",
    );
    let quoted = quoted_by(&analysis);
    assert_ne!(
        quoted.first().map(|(_, who)| *who),
        Some("Seldra Power"),
        "{quoted:?}"
    );
}

#[test]
fn a_cue_coordinated_after_a_quote_and_a_person_of_a_place_keep_the_sentence_subject() {
    let analysis = analyse(
        "Korvath Motors said on Monday it would close the plant.\n\
         Economy Minister Teodor Stanning, speaking to reporters in the capital, called the \
         decision \"a hard blow for the whole region\" and said the government would ask \
         Korvath to look again.\n\
         Governor Helka Dravi of the Tamsk region, where the plant is the largest employer, said \
         the closure would cost the region \"far more than 4,300 jobs\".",
    );
    assert_eq!(
        quoted_by(&analysis),
        [
            ("a hard blow for the whole region", "Teodor Stanning"),
            ("far more than 4,300 jobs", "Helka Dravi"),
        ]
    );
}

#[test]
fn an_organisation_named_after_what_it_is_of_or_for_is_one_name_and_speaks() {
    let analysis = analyse(
        "The Office of the Data Commissioner said it had been notified on Sunday.\n\
         \"Both sides are under pressure,\" said Ilse Marn, a senior fellow at the Tarvik \
         Institute for Peace Studies.",
    );
    let claims = claimed_by(&analysis);
    assert_eq!(
        claims[0].1.as_deref(),
        Some("Office of the Data Commissioner")
    );
    assert_eq!(
        roles_of(
            "\"Both sides are under pressure,\" said Ilse Marn, a senior fellow at the Tarvik \
             Institute for Peace Studies.",
            "Ilse Marn"
        ),
        ["senior fellow at Tarvik Institute for Peace Studies"]
    );
    // A title after the organisation's own name stays the person's.
    assert_eq!(
        roles_of(
            "Bank of Tarvik Governor Ana Lisk said rates would rise.",
            "Ana Lisk"
        )
        .len(),
        1
    );
}

#[test]
fn a_name_after_a_preposition_or_before_a_verb_is_no_speaker() {
    let analysis = analyse(
        "The army will leave the town within 30 days, two people briefed on the talks in \
         Medrava told the paper on Tuesday.\n\
         Prime Minister Hadrien Olsk welcomed the deal but said Varnessa would \"verify, not \
         trust\".",
    );
    let claims = claimed_by(&analysis);
    assert_eq!(
        claims[0].1.as_deref(),
        Some("two people briefed on the talks in Medrava")
    );
    assert_eq!(
        quoted_by(&analysis),
        [("verify, not trust", "Hadrien Olsk")]
    );
}

#[test]
fn a_quote_paragraph_after_a_partial_quote_keeps_its_speaker() {
    let analysis = analyse(
        "Minister Tomas Vedrin called the agreement \"a beginning, and only a beginning\", but \
         would not say more.\n\
         \"The people of the valley know what was discussed in that room.\"",
    );
    assert_eq!(
        quoted_by(&analysis),
        [
            ("a beginning, and only a beginning", "Tomas Vedrin"),
            (
                "The people of the valley know what was discussed in that room.",
                "Tomas Vedrin"
            )
        ]
    );
}

#[test]
fn an_office_named_by_a_plural_possessive_speaks_under_that_name() {
    let analysis = analyse(
        "Prosecutors in Gellmar opened an inquiry.\n\
         The prosecutors\u{2019} office said it was \"too early to say\" whether anyone would \
         face charges.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("too early to say", "prosecutors\u{2019} office")]
    );
}

#[test]
fn a_ministry_named_by_its_country_adjective_speaks_under_that_name() {
    let analysis = analyse(
        "Korandia expels four diplomats\n\
         The Brevonian foreign ministry said on Tuesday it would respond \"in the coming days\".",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("in the coming days", "Brevonian foreign ministry")]
    );
}

#[test]
fn a_body_named_by_its_place_or_its_kind_and_a_hedged_say_find_their_speaker() {
    let analysis = analyse(
        "Thieves broke into the National Museum of Quarrendel overnight.\n\
         In a statement, the Velmorra police said: \"We are treating this as a planned \
         operation.\"\n\
         The museum, which was founded in 1871, said in a statement that it would stay closed \
         \"until further notice\".\n\
         A spokesman, Joran Telby, would only say that the list \"is the one the police use\".\n\
         Culture Minister Oskar Hellevard said that if the report was true it would be \
         \"unforgivable\", and that he had asked the board for an account.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [
            (
                "We are treating this as a planned operation.",
                "Velmorra police"
            ),
            ("until further notice", "National Museum of Quarrendel"),
            ("is the one the police use", "Joran Telby"),
            ("unforgivable", "Oskar Hellevard"),
        ]
    );
    // Without a speaker's clause, a lone quoted word is a term.
    let term = analyse("The plan was \"unworkable\" from the start.");
    assert!(term.quotes.is_empty(), "{:?}", quoted_by(&term));
}

#[test]
fn a_press_office_an_agency_and_officials_at_a_ministry_are_the_sources_named_before() {
    let analysis = analyse(
        "Judge Ilse Marwen of the Brennholt Special Court read the verdict.\n\
         The court's press office said the hearings had been closed \"to protect the \
         witnesses,\" several of whom work for the government.\n\
         Corbell Ratings said on Wednesday it had placed the rating on review. \"The size of \
         the revision raises questions,\" the agency said in a note.\n\
         The Standard reported, citing two officials at the health ministry, that the warning \
         was held back. \"We sat on it for a day,\" one of the officials told the Standard.\n\
         \"Safety comes first,\" Ben Ravelle, a spokesman for the agency, said.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [
            (
                "to protect the witnesses",
                "Brennholt Special Court press office"
            ),
            (
                "The size of the revision raises questions",
                "Corbell Ratings"
            ),
            (
                "We sat on it for a day",
                "two officials at the health ministry"
            ),
            ("Safety comes first", "Ben Ravelle"),
        ]
    );
}

#[test]
fn a_pronoun_opening_a_quote_paragraph_is_the_person_the_narrative_just_introduced() {
    let analysis = analyse(
        "\"We followed every step of the procedure,\" said Ivo Rasmund, the operator's head of \
         operations.\n\
         In Edderby, volunteers were shovelling mud on Tuesday. Marit Olling, 67, a retired \
         teacher, was lifted from her roof by a helicopter on Sunday.\n\
         \"The water came up through the floorboards in ten minutes,\" she said.\n\
         Two people at the dam operator who asked not to be named told the paper the gates \
         opened early. \"Nobody called the towns,\" one of them said.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [
            ("We followed every step of the procedure", "Ivo Rasmund"),
            (
                "The water came up through the floorboards in ten minutes",
                "Marit Olling"
            ),
            ("Nobody called the towns", "two people at the dam operator"),
        ]
    );
}

#[test]
fn a_pronoun_after_a_sentence_that_introduces_someone_is_that_person() {
    let analysis = analyse(
        "\"The count is wrong,\" Mr. Pellick said.\n\
         One of the growers is Tamsin Orrow, whose orchard flooded on Sunday. She said she \
         had warned the council in March.\n\
         \"Nobody came for two days,\" she said.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [
            ("The count is wrong", "Pellick"),
            ("Nobody came for two days", "Tamsin Orrow"),
        ]
    );
}

#[test]
fn a_source_framing_the_clause_from_its_end_outranks_a_speech_verb_inside_it() {
    let analysis = analyse(
        "Treverick admitted meeting the contractor at a hunting lodge, two people who \
         attended the closed hearing told The Sentinel.\n\
         The minister asked the bank to delay the rise, according to three people who have \
         seen the minutes.",
    );
    let claims = claimed_by(&analysis);
    assert_eq!(
        claims[0].1.as_deref(),
        Some("two people who attended the closed hearing")
    );
    assert_eq!(
        claims[1].1.as_deref(),
        Some("three people who have seen the minutes")
    );
}

#[test]
fn each_half_of_a_sentence_a_semicolon_joins_has_its_own_source() {
    let analysis = analyse(
        "The ferry overturned on Monday morning.\n\
         The River Guard says at least 120 people were aboard; Drummet River Lines says 74 \
         were. The transport ministry says the boat was licensed for 60 passengers; the \
         company says 90.",
    );
    assert_sources(
        &analysis,
        &[
            ("The River Guard", "River Guard"),
            ("Drummet", "Drummet River Lines"),
            ("The transport ministry", "transport ministry"),
            // "the company" is the company named before, not the ministry of its sentence
            ("the company", "Drummet River Lines"),
        ],
    );
}

#[test]
fn a_place_s_body_named_in_two_words_without_an_article_is_the_source() {
    let analysis = analyse(
        "Wendrask town council said on Monday evening that about 21,000 households were \
         without safe drinking water, according to its own register of addresses.\n\
         On Monday the council said more tankers would come.",
    );
    let claims = claimed_by(&analysis);
    assert_eq!(claims[0].1.as_deref(), Some("Wendrask town council"));
    // a determiner or a preposition between is no body's name
    assert_ne!(claims[1].1.as_deref(), Some("On Monday the council"));
}

#[test]
fn a_source_that_puts_the_figure_at_another_gives_its_own_estimate() {
    let analysis = analyse(
        "Customs said about 2.6 million tablets were seized, but the police put the number at \
         about 1.8 million.\n\
         The water company says its samples held 0.4 micrograms per litre; the regulator puts \
         the figure at 1.3 micrograms.",
    );
    assert_sources(
        &analysis,
        &[
            ("Customs said about", "Customs"),
            ("the police put", "police"),
            ("the regulator puts", "regulator"),
        ],
    );
}

#[test]
fn a_body_named_by_its_kind_that_opens_the_sentence_is_its_speaker() {
    let analysis = analyse(
        "The Tessarian Airline Pilots' Union called the strike on Sunday.\n\
         The union accused Skarvel of \"bargaining in bad faith\" and said its members would \
         stay out.\n\
         The National Mediation Service invited both sides to talks. \"Our door is open,\" the \
         service said in a statement.\n\
         Greta Holloran, director of the service, described the talks as \"constructive\".",
    );
    assert_eq!(
        quoted_by(&analysis),
        [
            ("bargaining in bad faith", "Tessarian Airline Pilots' Union"),
            ("Our door is open", "National Mediation Service"),
            ("constructive", "Greta Holloran"),
        ]
    );
}

#[test]
fn an_unnamed_source_keeps_the_plain_words_that_describe_it() {
    let analysis = analyse(
        "Grenholt Mining ignored two warnings about ventilation, according to a safety \
         inspector who spoke on condition of anonymity.\n\
         \"We flagged the ventilation twice,\" the inspector told the Ledger.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("We flagged the ventilation twice", "a safety inspector")]
    );
}

#[test]
fn the_company_after_an_outlet_reports_is_the_company_that_last_spoke() {
    let analysis = analyse(
        "Harlow Shipping on Wednesday denied that its tanker had gone dark, after the Marsby \
         Record reported that it had switched off its transponder near Quellport.\n\
         \"Our records show it transmitted throughout,\" the company said in a statement.",
    );
    let quote = analysis.quotes.first().expect("a quote");
    assert_eq!(quote.speaker.name, "Harlow Shipping");
}

#[test]
fn a_participle_cue_after_a_refusal_shares_the_sentence_subject() {
    let analysis = analyse(
        "Dario Castellane declined to comment on the transponder, saying the company would \
         not \"speculate while the investigation is under way\".",
    );
    assert_eq!(
        quoted_by(&analysis),
        [(
            "speculate while the investigation is under way",
            "Dario Castellane"
        )]
    );
}

#[test]
fn a_quote_paragraph_after_narrative_is_the_person_it_introduces() {
    let analysis = analyse(
        "\"We cannot keep every pool open,\" Mayor Ludmila Thornquist said.\n\
         Among the pools on the list is the Wexcombe Road Baths, where Brigid Orlowe, a \
         physiotherapist, takes her children every Saturday.\n\
         \"It is the only pool on this side of the river,\" she said.",
    );
    let quoted = quoted_by(&analysis);
    assert_eq!(quoted[1].1, "Brigid Orlowe", "{quoted:?}");
}

#[test]
fn a_name_after_an_opening_role_phrase_is_the_subject_not_a_frame() {
    let analysis = analyse(
        "The city's director of finance, Oswin Pallard, warned the mayor in June that the gap \
         could exceed 40 million, according to a council official who was not authorised to \
         speak publicly.",
    );
    let claims = claimed_by(&analysis);
    assert_eq!(
        claims[0].1.as_deref(),
        Some("a council official"),
        "{claims:?}"
    );
}

#[test]
fn a_commodore_is_a_person_with_a_title() {
    let analysis = analyse(
        "\"Oil is still coming out of two tanks,\" Commodore Ingeborg Fjellan, commander of \
         the Valdrenian Coastguard, told reporters.",
    );
    assert_eq!(quoted_by(&analysis)[0].1, "Ingeborg Fjellan");
}

#[test]
fn a_body_of_a_named_place_speaks_by_that_name() {
    let analysis = analyse(
        "Idalie Ellingsby, chief economist at Mardell Voss Bank, said growth would slow.\n\
         Tolvaria's trade ministry said on Wednesday that Mr. Drabant \"stands by every word\" \
         he said on Tuesday.\n\
         The tariffs take effect on March 27, the customs agency said, calling them \"a \
         measured response\".",
    );
    assert_eq!(
        quoted_by(&analysis),
        [
            ("stands by every word", "Tolvaria's trade ministry"),
            ("a measured response", "customs agency"),
        ]
    );
}

#[test]
fn a_name_described_with_an_age_is_a_person() {
    let analysis = analyse(
        "Eskil Askerud, a 47-year-old crane operator, has worked at the plant for 22 years.\n\
         \"If the orders stop, the town stops,\" he said.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("If the orders stop, the town stops", "Eskil Askerud")]
    );
}

#[test]
fn a_quote_paragraph_speaks_for_the_person_its_narrative_paragraph_introduced() {
    let analysis = analyse(
        "\"We will do whatever is necessary,\" Finance Minister Cassius Marrasch said.\n\
         In the old town, Evander Brieg, a 52-year-old baker, opened his shop as usual. His \
         account is frozen.\n\
         \"I need the money by Friday,\" he said.",
    );
    let quoted = quoted_by(&analysis);
    assert_eq!(quoted[1], ("I need the money by Friday", "Evander Brieg"));
}

#[test]
fn the_finance_minister_is_the_person_the_text_gives_that_role() {
    let analysis = analyse(
        "Finance Minister Cassius Marrasch spoke on Wednesday.\n\
         The central bank denied it, a day after the finance minister promised savers they \
         would get back \"every euro\".",
    );
    assert_eq!(quoted_by(&analysis), [("every euro", "Cassius Marrasch")]);
}

#[test]
fn the_agency_is_the_agency_named_before_an_outlet_and_it_is_the_body_before() {
    let analysis = analyse(
        "The National Civil Defence Agency denied it had been warned, hours after The \
         Valbrekka Inquirer reported the warning.\n\
         \"The agency received no warning,\" the agency said in a statement.\n\
         The inspectors denied it. Two rail inspectors told the Examiner the defect was \
         logged. \"Nobody acted on it,\" one of them said.",
    );
    let quoted = quoted_by(&analysis);
    assert_eq!(
        quoted[0],
        (
            "The agency received no warning",
            "National Civil Defence Agency"
        )
    );
    assert_eq!(
        quoted[1],
        ("Nobody acted on it", "two rail inspectors"),
        "{quoted:?}"
    );
}

#[test]
fn an_unnamed_source_keeps_the_relative_clause_that_says_who_it_is() {
    let analysis = analyse(
        "Two stewards who were on duty at the Millrace End, who asked not to be named, told \
         the Argus that an inspector had ordered the gate opened.\n\
         \"He said open it or someone dies out here,\" one of the stewards said.\n\
         The stewards said the passage behind the stand, known to fans as \"the funnel\", had \
         worried staff for years.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [(
            "He said open it or someone dies out here",
            "two stewards who were on duty at the Millrace End"
        )]
    );
    let claims = claimed_by(&analysis);
    assert_eq!(
        claims[0].1.as_deref(),
        Some("two stewards who were on duty at the Millrace End"),
        "{claims:?}"
    );
}

#[test]
fn a_plural_possessive_inside_an_aside_is_no_quotation_mark() {
    let analysis = analyse(
        "\u{201c}A 30% cut is a cut in yield,\u{201d} Cormac Featherby, president of the \
         Tirvanian Farmers\u{2019} Union, told Furrowline.\n\
         Two engineers at Lenthmoor Water, who asked not to be named, said the leak had been \
         logged in March.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("A 30% cut is a cut in yield", "Cormac Featherby")]
    );
    let claims = claimed_by(&analysis);
    assert_eq!(
        claims.last().and_then(|c| c.1.as_deref()),
        Some("two engineers at Lenthmoor Water"),
        "{claims:?}"
    );
}

#[test]
fn an_unnamed_source_of_a_body_frames_the_clause_before_it() {
    let analysis = analyse(
        "The ferry was carrying far more people than it was allowed to, two members of its \
         crew have told the Standard.\n\
         The crew members, who spoke on condition of anonymity, said tickets were sold for \
         cash. \"We were overloaded,\" one of them said.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("We were overloaded", "two members of its crew")]
    );
    let claims = claimed_by(&analysis);
    assert_eq!(
        claims[0].1.as_deref(),
        Some("two members of its crew"),
        "{claims:?}"
    );
}

#[test]
fn a_new_description_with_of_the_is_no_reference_back_and_a_place_ends_an_aside() {
    let analysis = analyse(
        "Power line blamed for fire, officials say\n\
         The fire was started by a power line, two officials with knowledge of the \
         investigation have told the Journal.\n\
         Homes burned in Haldby and Vesterkolm.\n\
         At the hall on Sunday, Bertil Amsel, 68, a retired beekeeper from Vesterkolm, said he \
         had left with only his dog.",
    );
    let claims = claimed_by(&analysis);
    assert!(
        claims
            .iter()
            .any(|c| c.1.as_deref() == Some("two officials with knowledge of the investigation")),
        "{claims:?}"
    );
    assert_eq!(
        claims.last().and_then(|c| c.1.as_deref()),
        Some("Bertil Amsel"),
        "{claims:?}"
    );
}

#[test]
fn a_relative_clause_that_runs_into_a_quote_is_no_description() {
    let analysis = analyse(
        "Postmarren said on Friday that the man fired three shots. It said the four employees \
         who were held were \"physically unharmed\" and at home.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("physically unharmed", "Postmarren")]
    );
}

#[test]
fn a_report_citing_a_countrys_minister_cites_the_minister_not_the_country() {
    let analysis = analyse(
        "Olmerra's water and irrigation minister, Kasimir Ulbrecht, arrived on Wednesday.\n\
         Kelmar News Agency reported on Thursday, citing Olmerra's water minister, Kasimir \
         Ulbrecht, that the two sides had shaken hands on a share.\n\
         Olmerran government spokeswoman Noor Haldane said on Friday the account stood.",
    );
    let sources: Vec<(&str, Option<&str>)> = analysis
        .claims
        .iter()
        .map(|c| (c.text.as_str(), c.source.as_ref().map(|s| s.name.as_str())))
        .collect();
    assert!(
        sources
            .iter()
            .any(|(text, source)| text.contains("that the two sides")
                && *source == Some("Kasimir Ulbrecht")),
        "{sources:?}"
    );
    let roles = |name: &str| mention_roles(&analysis, name);
    assert!(
        roles("Kasimir Ulbrecht").contains(&"Olmerra's water and irrigation minister".to_string())
    );
    assert!(roles("Kasimir Ulbrecht").contains(&"Olmerra's water minister".to_string()));
    assert_eq!(roles("Noor Haldane"), ["Olmerran government spokeswoman"]);
    // The country that has a minister is no person.
    assert!(
        !analysis
            .mentions
            .iter()
            .any(|m| m.canonical == "Olmerra" && m.kind == dossier_model::EntityKind::Person)
    );
}

#[test]
fn a_pronoun_that_opens_narrative_before_a_quote_carries_the_person_introduced_before() {
    let analysis = analyse(
        "Inside, Ottilia Brandervik, the minister of labour, shook hands with the whips and \
         left without speaking to reporters.\n\
         She spoke later, on the evening news. \"I understand the anger. I do not share the \
         conclusion,\" she said.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [(
            "I understand the anger. I do not share the conclusion",
            "Ottilia Brandervik"
        )]
    );
}

#[test]
fn the_company_after_a_clock_time_that_ends_a_sentence_is_the_company_named_before() {
    let analysis = analyse(
        "Ostrik Chemicals said the leak had been stopped by 9 a.m. The company said it was \
         \"cooperating fully\" with the inspectorate.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("cooperating fully", "Ostrik Chemicals")]
    );
}

#[test]
fn she_opening_a_sentence_is_the_speaker_before_not_a_name_inside_it() {
    let analysis = analyse(
        "Government spokeswoman Vesna Ardelic said the capital was calm. She also denied that \
         the defence minister, Oskar Tremm, had been detained. \"Minister Tremm is free, he is \
         at his post,\" she said.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("Minister Tremm is free, he is at his post", "Vesna Ardelic")]
    );
}

#[test]
fn one_of_a_group_is_one_person_whom_she_may_name() {
    let analysis = analyse(
        "The freed women include four nurses. One of the nurses, who asked that her name not \
         be published, said the hostages had been moved at night.\n\"They gave us bread and \
         water,\" she said.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("They gave us bread and water", "one of the nurses")]
    );
}

#[test]
fn its_ministry_is_the_ministry_of_the_place_the_sentence_before_opens_with() {
    let analysis = analyse(
        "Lestria offered on Friday to mediate. Its foreign ministry said an envoy had \
         \"opened a channel\" to the group.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("opened a channel", "Lestria's foreign ministry")]
    );
    // a sentence before that names no one gives "its" no owner
    let analysis = analyse(
        "Lestria offered on Friday to mediate. The company cut prices. Its board said the plan \
         would \"go ahead\" as agreed.",
    );
    assert!(
        analysis
            .quotes
            .iter()
            .all(|q| !q.speaker.name.contains("Lestria")),
        "{:?}",
        quoted_by(&analysis)
    );
}

#[test]
fn the_company_is_the_organisation_a_sentence_opened_with_not_a_name_of_an_illness() {
    let analysis = analyse(
        "LYSSENDAL, Merrovia, March 8 (Norvane) - Lumevra Therapeutics, the drugmaker based in \
         the city's Eastgate science park, said its drug for Alzheimer's disease slowed \
         decline. The company said patients on the drug declined more slowly. The result was \
         \"highly statistically significant\", it said.",
    );
    assert!(
        analysis.mentions.iter().all(|m| m.canonical != "Alzheimer"),
        "an illness is no organisation"
    );
    assert_eq!(
        quoted_by(&analysis),
        [("highly statistically significant", "Lumevra Therapeutics")]
    );
}

#[test]
fn a_partial_quote_after_its_cue_keeps_it_over_a_verb_further_on() {
    let analysis = analyse(
        "The league opened an inquiry. Ms. Rundqvist said the club had \"nothing to hide\" and \
         had given the panel every invoice it had asked for.",
    );
    let quote = analysis.quotes.first().expect("a quote");
    assert_eq!(quote.speaker.name, "Rundqvist");
    assert_eq!(quote.cue.as_deref(), Some("said"));
}

#[test]
fn a_report_citing_its_sources_is_one_claim_whose_figures_are_not_the_sources_count() {
    let analysis = analyse(
        "Vote counting resumed on Monday. The Dunmere Post reported on Tuesday, citing two \
         election officials, that 40 ballot boxes had been opened before observers arrived.",
    );
    let claim = analysis
        .claims
        .iter()
        .find(|c| c.text.contains("ballot boxes"))
        .expect("the reported claim");
    // the reporting frame is no claim of its own
    assert!(
        claim.text.starts_with("The Dunmere Post reported"),
        "{}",
        claim.text
    );
    let values: Vec<f64> = claim.quantities.iter().map(|q| q.value).collect();
    assert_eq!(values, [40.0]);
    assert!(
        !analysis
            .claims
            .iter()
            .any(|c| c.text.contains("citing") && !c.text.contains("ballot")),
        "{:?}",
        analysis.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
}

#[test]
fn a_he_read_as_the_person_the_quote_names_is_the_last_speaker() {
    let analysis = analyse(
        "Dario Venn, the senior ranger who led the patrol that night, said the team came under \
         fire. Tomas Arlo, who was 29, was hit twice.\n\
         \"By the time we reached Tomas, he was already gone,\" he said.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [(
            "By the time we reached Tomas, he was already gone",
            "Dario Venn"
        )]
    );
}

#[test]
fn a_bare_title_after_a_name_makes_a_person_and_a_role() {
    let analysis = analyse(
        "\"The coach rolled at least twice before it stopped against the trees,\" Bruno Falk, \
         head of the Vendrun Mountain Rescue Service, said. Ines Moll, the port's harbour \
         master, said the terminal had reopened.",
    );
    let person = |name: &str| {
        analysis
            .mentions
            .iter()
            .find(|m| m.canonical == name)
            .unwrap_or_else(|| panic!("{name} is found"))
    };
    assert_eq!(person("Bruno Falk").kind, EntityKind::Person);
    assert!(
        person("Ines Moll")
            .roles
            .iter()
            .any(|r| r.ends_with("harbour master")),
        "{:?}",
        person("Ines Moll").roles
    );
    assert_eq!(quoted_by(&analysis)[0].1, "Bruno Falk");
}

#[test]
fn roles_keep_their_indefinite_article_and_a_held_role_as_written() {
    let analysis = analyse(
        "Chief Inspector Aurel Demsky, who is leading the investigation, said little. Mira \
         Holt, who chairs the committee, said more. Norvessa's ambassador to Estrelland, Karin \
         Ellestad, visited on Monday. Eustace Brook, an angler, said the river was brown. \
         Piran Tall, 47, a neighbour who heard the scream, said so. The cat was darted by the \
         zoo's head vet, Sorin Veld, at 8 p.m.",
    );
    let roles = |name: &str| mention_roles(&analysis, name);
    assert!(roles("Aurel Demsky").contains(&"is leading the investigation".to_string()));
    let holt = roles("Mira Holt");
    assert!(
        holt.contains(&"chair of the committee".to_string()),
        "{holt:?}"
    );
    assert!(
        holt.contains(&"chairs the committee".to_string()),
        "{holt:?}"
    );
    assert!(roles("Karin Ellestad").contains(&"Norvessa's ambassador to Estrelland".to_string()));
    assert_eq!(roles("Eustace Brook"), ["an angler"]);
    assert_eq!(roles("Piran Tall"), ["a neighbour"]);
    assert_eq!(roles("Sorin Veld"), ["zoo's head vet"]);
}

#[test]
fn its_title_after_a_sentence_opened_by_a_body_names_that_body() {
    let analysis = analyse(
        "The directorate did not say what was passed on. Its spokeswoman, Ilona Barsk, declined \
         to say more.",
    );
    assert_eq!(
        mention_roles(&analysis, "Ilona Barsk"),
        ["the directorate's spokeswoman"]
    );
}

#[test]
fn the_company_is_a_firm_the_text_names_not_a_rescue_service() {
    let analysis = analyse(
        "Jonas Ebberling, the head of Serrath Mountain Rescue, said the coach had come to rest \
         on its roof.\nThe coach belonged to Vastren Coachways, a family-owned firm based in \
         Dravenholm. In a statement, the company said it was \"deeply shocked\".",
    );
    assert_eq!(
        quoted_by(&analysis),
        [("deeply shocked", "Vastren Coachways")]
    );
}

#[test]
fn a_question_closing_a_quote_takes_the_speaker_after_it() {
    let analysis = analyse(
        "The lawyer, Feliks Marrano, said the appeal was filed.\n\u{201c}If the evidence is as \
         strong as they say, why hide it?\u{201d} Marrano told Radio Pallastria.",
    );
    assert_eq!(
        quoted_by(&analysis),
        vec![(
            "If the evidence is as strong as they say, why hide it?",
            "Feliks Marrano"
        )]
    );
}

#[test]
fn it_after_an_organisation_speaking_in_the_paragraph_is_that_organisation() {
    let analysis = analyse(
        "All his results have been annulled, and the federation said its commission was \
         reviewing two of his games. It said the player could face a ban of \"up to three \
         years\" if the commission found against him.",
    );
    assert_eq!(
        quoted_by(&analysis),
        vec![("up to three years", "federation")]
    );
}

#[test]
fn who_after_an_apposition_is_the_name_before_it() {
    let analysis = analyse(
        "The lawyer, Feliks Marrano, said a letter listed seven games.\nOren Wexley, the \
         federation's president, who said on Saturday that there was \"no place for cheating \
         in chess\", declined to comment further.",
    );
    assert_eq!(
        quoted_by(&analysis),
        vec![("no place for cheating in chess", "Oren Wexley")]
    );
}

#[test]
fn one_of_a_group_named_by_a_title_is_an_unnamed_source() {
    let analysis = analyse(
        "The lawyer, Feliks Marrano, said a letter listed seven games.\nOne of the arbiters, \
         speaking on condition of anonymity, said the device had \"lit up the scanner like a \
         lamp\".",
    );
    let quote = analysis.quotes.first().expect("a quote");
    assert_eq!(quote.speaker.name, "one of the arbiters");
    assert!(quote.speaker.anonymous);
}

#[test]
fn an_unnamed_source_keeps_the_body_it_belongs_to() {
    let analysis = analyse(
        "The Eskmarra Regional Executive voted on Monday.\nA senior official in the regional \
         executive said the ministry had \u{201c}raised no objection at any point\u{201d}.",
    );
    let quote = analysis.quotes.first().expect("a quote");
    assert_eq!(
        quote.speaker.name,
        "A senior official in the regional executive"
    );
    assert!(quote.speaker.anonymous);
}

#[test]
fn the_board_of_an_organisation_named_by_its_noun_speaks_for_it() {
    let analysis = analyse(
        "The Valdorian National Orchestra dismissed its conductor on Monday, the orchestra's \
         board said.",
    );
    let claim = analysis.claims.first().expect("a claim");
    assert_eq!(
        claim.source.as_ref().map(|s| s.name.as_str()),
        Some("Valdorian National Orchestra")
    );
}

#[test]
fn capitalised_dateline_places_plural_nouns_and_whose_clauses_are_nobody() {
    let analysis = analyse(
        "TORREVANE, Valdoria, Oct 9 (Stavewell) - The minister denied withholding money from \
         the Valdorian National Orchestra, whose chief conductor, Joachim Reddavik, was \
         dismissed.\nOrganisers said the screening would stay.\n\"Heatstroke is a medical \
         emergency,\" Dr Carrack said.",
    );
    let people: Vec<&str> = analysis
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| m.canonical.as_str())
        .collect();
    assert!(people.contains(&"Joachim Reddavik"), "{people:?}");
    for nobody in [
        "TORREVANE",
        "Valdorian National Orchestra",
        "Organisers",
        "Heatstroke",
    ] {
        assert!(!people.contains(&nobody), "{nobody} in {people:?}");
    }
}

#[test]
fn he_after_a_quote_is_the_person_named_last_when_nobody_spoke_before() {
    let analysis = analyse(
        "The field belongs to Joakim Brennoc, a farmer. \u{201c}It is not mine to sell. I have \
         ploughed that field for forty years,\u{201d} he said.",
    );
    let quote = analysis.quotes.first().expect("a quote");
    assert_eq!(quote.speaker.name, "Joakim Brennoc");
}

#[test]
fn storms_rivers_and_the_firm_an_analyst_works_at_are_nobody() {
    let analysis = analyse(
        "Storm Vigdis brought gusts to the coast.\nA fire tore through a bridge over the River \
         Aske.\n\u{201c}The market is pricing in a fine,\u{201d} said Ilse Pellwick, an analyst \
         at Carrick Mayne.",
    );
    let people: Vec<&str> = analysis
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| m.canonical.as_str())
        .collect();
    assert_eq!(people, vec!["Ilse Pellwick"]);
}

#[test]
fn a_places_police_opening_a_sentence_speak_for_themselves() {
    let analysis = analyse(
        "Pellacre Ports said it welcomed the suspension.\nVellacombe police reopened the coast \
         road on Wednesday and said the queue would take \u{201c}most of Thursday\u{201d} to \
         clear.",
    );
    assert_eq!(
        quoted_by(&analysis),
        vec![("most of Thursday", "Vellacombe police")]
    );
}

#[test]
fn a_long_name_after_a_quote_counts_as_one_word_before_its_cue() {
    let analysis = analyse(
        "\"The teachers had the children out before our crews arrived,\" Area Commander Ruairi \
         Ivrey of the Pellingford Fire and Rescue Service told reporters.",
    );
    let quote = analysis.quotes.first().expect("a quote");
    assert_eq!(quote.speaker.name, "Ruairi Ivrey");
}

#[test]
fn a_phrase_an_apposition_calls_a_criterion_is_no_quote_but_one_followed_by_a_time_is() {
    let analysis = analyse(
        "The changes gave extra points for \"local knowledge\", a criterion that only the \
         winning consortium could meet.\n\
         Ministry officials refer to the plan as the \"firebreak ring\".\n\
         The spokesman, Pavel Orrin, said the coup had \"failed completely\", a day after troops \
         regained control.",
    );
    assert_eq!(quoted_by(&analysis), [("failed completely", "Pavel Orrin")]);
}

#[test]
fn whom_a_thing_was_declared_to_is_not_the_speaker_of_the_quote_before() {
    let analysis = analyse(
        "His lawyer, Verena Tolst, said on Thursday that the cash was \"the savings of a family \
         that does not trust banks\" and had been declared to the tax office.",
    );
    assert_eq!(
        quoted_by(&analysis),
        [(
            "the savings of a family that does not trust banks",
            "Verena Tolst"
        )]
    );
}

#[test]
fn a_lone_name_told_after_a_capital_the_is_no_person() {
    let analysis =
        analyse("The chief executive, Arno Veldt, told The Spindle that the payments were legal.");
    assert_eq!(kinds_of(&analysis, "Spindle"), [EntityKind::Organization]);
}

/// "The broadcaster" after a name that "reported" is that outlet, though nothing in its name
/// says it is one, not an outlet named earlier whose name does.
#[test]
fn the_broadcaster_is_the_name_that_reported_last() {
    let analysis = analyse(
        "The Harwick Chronicle reported on Monday that the dam had been inspected in May.\n\
         Velvane reported on Tuesday, citing a draft plan, that 75 tankers could be sent. \
         According to the broadcaster, the plan would start if the reservoir fell below 12%.",
    );
    let claims = claimed_by(&analysis);
    let last = claims.last().expect("claims");
    assert_eq!(last.0, "According to the");
    assert_eq!(last.1.as_deref(), Some("Velvane"), "{claims:?}");
}

/// A sentence inside a quote that opens "Then I" names nobody.
#[test]
fn words_that_are_never_names_make_no_person() {
    let analysis = analyse(
        "Henrike Strall lives near the quay. \"I thought it was the end of the world. Then I \
         heard the children next door crying,\" she said.",
    );
    let names: Vec<&str> = analysis.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(names.contains(&"Henrike Strall"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Then")), "{names:?}");
}

/// "X told Y that …, according to the company's ticket list": the record X goes by does not
/// take the claim from X.
#[test]
fn a_record_after_according_to_leaves_the_claim_to_its_speaker() {
    let analysis = analyse(
        "The Calvornan River Guard says at least 120 people were on board. Godric Brisby, the \
         managing director of the operator, Drummet River Lines, told The Gunwale that 74 \
         passengers had been on board, according to the company\u{2019}s ticket list.",
    );
    let claims = claimed_by(&analysis);
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert_eq!(claims[1].1.as_deref(), Some("Godric Brisby"), "{claims:?}");
}
