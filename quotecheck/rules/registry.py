"""Every rule quotecheck knows, in the order `quotecheck rules` lists them.

docs/rules.md has one section per rule; a test checks that it covers exactly these ids.
"""

from __future__ import annotations

from . import anonymity as a
from . import quotations as q
from .core import Option, Rule

RULES: tuple[Rule, ...] = (
    Rule("unattributed-quote", "error", "A direct quotation has no speaker in reach.",
         "A reader cannot weigh words without knowing who said them; a quotation with no speaker "
         "is either an editing slip or an attribution the reporter could not make.",
         "AP and Reuters: every quotation is attributed.",
         "“We will not back down.” (no speaker in the sentence, the paragraph or the one before)",
         "“We will not back down,” the mayor said.", q.unattributed_quote),
    Rule("anonymous-source", "info", "A quotation or claim rests on an anonymous source.",
         "Every anonymous source is a decision a standards editor signs off on; listing them all "
         "keeps the decision visible.",
         "AP, Reuters, NPR, NYT, WaPo, SPJ: anonymity is the exception and must be justified.",
         "“The plan is dead,” a senior official said.", "“The plan is dead,” Sen. Maria Alvarez said.",
         a.anonymous_source),
    Rule("anonymity-unexplained", "warning", "An anonymous source has no stated reason for anonymity.",
         "Readers are owed the reason a source was granted anonymity; the reason may appear anywhere "
         "in the article.",
         "AP, SPJ, NPR, NYT: explain why anonymity was granted.",
         "“The plan is dead,” a senior official said. (no reason anywhere)",
         "... said a senior official, who spoke on condition of anonymity because he was not "
         "authorized to discuss the talks.", a.anonymity_unexplained),
    Rule("background-source", "warning", "A source spoke on background, deep background or not for attribution.",
         "Background ground rules let a source avoid responsibility for a claim; editors should see "
         "each one.",
         "Newsroom ground-rule policies (AP, WaPo); the mission of quotecheck.",
         "... according to one NATO source who spoke on background.",
         "The briefing was on the record, the spokesman said.", a.background_source),
    Rule("vague-source", "warning", "An anonymous source is described by a bare noun, or a claim by no one.",
         "“A source said”, “officials say”, “reportedly” and “has learned” tell the reader nothing "
         "about who is speaking or how they know.",
         "AP and NPR: describe anonymous sources as precisely as possible.",
         "“It will pass,” a source said.",
         "“It will pass,” two officials familiar with the negotiations said.", a.vague_source),
    Rule("weak-descriptor", "warning",
         "An anonymous source is described without affiliation, seniority or how they know.",
         "A descriptor should place the source (affiliation), weigh them (seniority) and say how "
         "they know; the report scores every anonymous source on these dimensions.",
         "NPR, BBC, WaPo guidance on describing anonymous sources.",
         "“It will pass,” a person who spoke to reporters said.",
         "“It will pass,” a senior State Department official who attended the meeting said.",
         a.weak_descriptor),
    Rule("off-the-record", "warning", "Off-the-record material appears in copy.",
         "Material given off the record is not for publication; its appearance in copy is a red flag "
         "for a broken agreement or a mislabelled ground rule.",
         "WaPo: off-the-record material is not published.",
         "The remark, made off the record, was widely repeated.",
         "The remark was made on the record.", a.off_the_record),
    Rule("plural-sources", "warning", "An article cites “sources” but later “the source”.",
         "Plural sources that turn into one source overstate the sourcing.",
         "Reuters: do not say sources when there is one.",
         "Sources said the deal was near. ... “It's done,” the source said.",
         "Two sources said the deal was near. ... “It's done,” one of them said.", a.plural_sources),
    Rule("anonymous-declined-comment", "warning",
         "An anonymous source is quoted and also said to have declined to comment.",
         "A source who declined to comment cannot also be quoted anonymously without misleading the reader.",
         "AP: do not quote a source anonymously after saying the source declined to comment.",
         "The official declined to comment, but said ... (the same anonymous official)",
         "A spokesman, Tom Reyes, declined to comment. (a named person)", a.anonymous_declined_comment),
    Rule("loaded-attribution-verb", "info", "An attribution verb other than a neutral “said”.",
         "“Claimed”, “admitted”, “conceded”, “insisted” judge the statement; “smiled” and “laughed” "
         "are not speech.",
         "AP Stylebook and newsroom style guides: “said” is almost always right.",
         "“I did nothing wrong,” he claimed.", "“I did nothing wrong,” he said.",
         q.loaded_attribution_verb),
    Rule("anonymous-pejorative", "warning", "An anonymous source attacks a person or an institution.",
         "Anonymity is for information, not for personal attacks that the source will not put a name to.",
         "NPR, NYT, Reuters: no anonymous pejoratives.",
         "“He is a liar and a coward,” a senior aide said of the senator.",
         "“The bill costs too much,” a senior aide said.", a.anonymous_pejorative),
    Rule("single-anonymous-source", "warning",
         "The article's central claim rests on one unnamed source with no corroboration.",
         "A lede resting on one anonymous source, uncorroborated, is the riskiest kind of story.",
         "AP and BBC: single anonymous sources need corroboration or a clear justification.",
         "The plant will close, according to a company official. (no corroboration anywhere)",
         "The plant will close, according to a company official; two other employees confirmed the plan.",
         a.single_anonymous_source,
         (Option("lede-paragraphs", int, 2, "How many opening paragraphs make up the lede.", 1, None),)),
    Rule("anonymous-share", "warning", "Too large a share of the article's quotations come from anonymous sources.",
         "A newsroom may cap how much of a story rests on anonymous sources.",
         "Sourcing studies (share of anonymous attributions); newsroom policy.",
         "Three of four quotations are from anonymous sources (limit 50%).",
         "One of five quotations is from an anonymous source.", a.anonymous_share,
         (Option("max", float, 0.5, "Largest acceptable share of quotations from anonymous sources.", 0.0, 1.0),
          Option("min-quotes", int, 3, "Judge only articles with at least this many quotations.", 1, None))),
    Rule("unused-suppression", "info", "A quotecheck-disable comment suppresses nothing.",
         "A suppression that no longer matches anything hides the next real problem in its place; "
         "remove it.",
         "Linter practice (eslint --report-unused-disable-directives, ruff RUF100).",
         "<!-- quotecheck-disable-next-line vague-source --> before a paragraph with no vague source.",
         "<!-- quotecheck-disable-next-line vague-source --> before “... ,” a source said.",
         q.reported_by_suppression),
    Rule("unknown-suppression-rule", "warning", "A quotecheck-disable comment names a rule that does not exist.",
         "A misspelt rule id suppresses nothing, so the finding it was meant to silence still fires.",
         "Linter practice: unknown rule ids in directives are reported.",
         "<!-- quotecheck-disable vauge-source -->", "<!-- quotecheck-disable vague-source -->",
         q.reported_by_suppression),
    Rule("unbalanced-quote", "warning", "A quotation mark is never closed, or closes nothing.",
         "An unclosed quotation leaves the reader unsure where a source's words end.",
         "Quotation typography (AP Stylebook, quotation marks).",
         "“We will not back down, the mayor said.", "“We will not back down,” the mayor said.",
         q.unbalanced_quote),
)
RULES_BY_ID = {r.id: r for r in RULES}
