"""The domain vocabulary: every closed set of strings quotecheck reads or writes.

Each is a :class:`~enum.StrEnum`, so a member *is* its string: it compares equal to it, hashes
like it, and goes into JSON unchanged. The JSON schemas in ``schemas/`` hold the same values;
``tests/test_vocab.py`` keeps the two equal.
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    """How much a finding matters, most severe first."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info: lower is more severe."""
        return _SEVERITY_ORDER.index(self)


_SEVERITY_ORDER = tuple(Severity)
SEVERITIES: tuple[Severity, ...] = _SEVERITY_ORDER


class Level(StrEnum):
    """What a configuration may set a rule to: a severity, or off."""

    OFF = "off"
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class QuoteKind(StrEnum):
    """What a quotation (or attribution) is."""

    DIRECT = "direct"  # a full quotation
    PARTIAL = "partial"  # a fragment quoted inside the writer's sentence
    INDIRECT = "indirect"  # reported speech, no quotation marks
    SCARE = "scare"  # marks around a word the writer distances themselves from
    TITLE = "title"  # the title of a work

    @property
    def quoted(self) -> bool:
        """A source's own words in quotation marks (direct or partial)."""
        return self in (QuoteKind.DIRECT, QuoteKind.PARTIAL)

    @property
    def spoken(self) -> bool:
        """Words someone said (everything but scare quotes and titles)."""
        return self not in (QuoteKind.SCARE, QuoteKind.TITLE)


class SourceType(StrEnum):
    """What kind of source a cluster of mentions is."""

    NAMED_PERSON = "named_person"
    NAMED_ORGANIZATION = "named_organization"
    ANONYMOUS_INDIVIDUAL = "anonymous_individual"
    ANONYMOUS_GROUP = "anonymous_group"
    DOCUMENT = "document"
    UNKNOWN = "unknown"

    @property
    def anonymous(self) -> bool:
        return self in (SourceType.ANONYMOUS_INDIVIDUAL, SourceType.ANONYMOUS_GROUP)

    @property
    def label(self) -> str:
        """The type in words, for people: "anonymous individual"."""
        return self.value.replace("_", " ")


class GroundRule(StrEnum):
    """The terms under which a source spoke."""

    BACKGROUND = "background"
    DEEP_BACKGROUND = "deep_background"
    NOT_FOR_ATTRIBUTION = "not_for_attribution"
    OFF_THE_RECORD = "off_the_record"
    ANONYMITY_GRANTED = "anonymity_granted"

    @property
    def anonymity(self) -> bool:
        """A ground rule under which the source is not named (all but off the record)."""
        return self is not GroundRule.OFF_THE_RECORD

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class MentionKind(StrEnum):
    """How a source is referred to at one place in the text."""

    NAME = "name"  # "Gen. James Jones"
    DESCRIPTOR = "descriptor"  # "a NATO source who spoke on background"
    PRONOUN = "pronoun"  # "he"
    NOMINAL = "nominal"  # "the source": a definite description taking up an earlier one


class Resolution(StrEnum):
    """How a quotation's speaker was found."""

    EXPLICIT = "explicit"  # named or described at the cue
    PRONOUN = "pronoun"  # a pronoun at the cue, resolved to a source
    NOMINAL = "nominal"  # a definite description at the cue, resolved to a source
    FLOATING = "floating"  # no cue: the speaker carries over from earlier quotations

    @classmethod
    def of_mention(cls, kind: MentionKind | str) -> Resolution:
        """The resolution a speaker mention of this kind gets at its cue."""
        if kind == MentionKind.PRONOUN:
            return cls.PRONOUN
        if kind == MentionKind.NOMINAL:
            return cls.NOMINAL
        return cls.EXPLICIT


class InputFormat(StrEnum):
    """The markup an article arrives in."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


class BlockKind(StrEnum):
    """What a block of article text is (``Document.blocks``)."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    BLOCKQUOTE = "blockquote"  # a paragraph of a quotation set off as a block
    CAPTION = "caption"  # an HTML <figcaption>/<caption>, or the text beside a Markdown image
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    PREFORMATTED = "preformatted"  # HTML <pre>/<listing> (Markdown code is not article text)
    ATTRIBUTION = "attribution"  # who a block quote is by: an HTML <footer> inside a <blockquote>


class CuePattern(StrEnum):
    """The layout that attributed a quotation: the pattern (``quotecheck.attribution``) that
    found its cue."""

    DASH_BYLINE = "dash-byline"  # “Q.” ― Jorge Falcon
    POST_VERB = "post-verb"  # “Q,” Jones said. / “Q,” said Jones.
    ACCORDING_TO = "according-to"  # “Q,” according to X. / According to X, “Q.”
    PREVIOUS_PARAGRAPH_COLON = "previous-paragraph-colon"  # He said:¶¶“Q.”
    COLON_INTRO = "colon-intro"  # Jones offered a warning: “Q.”
    PRE_VERB = "pre-verb"  # Jones said, “Q.” / Alvarez called the plan “reckless.”
    NOUN_CUE = "noun-cue"  # Trump's claim that “Q”
    CHAINED = "chained"  # was “disgusting” and “a con”: the cue of the quotation before
    INDIRECT_VERB = "indirect-verb"  # Jones estimated that ... (reported speech)
    INDIRECT_CONTENT_FIRST = "indirect-content-first"  # The Navy will ..., Rep. Danforth said Friday.
    INDIRECT_CLAUSE_AFTER = "indirect-clause-after"  # X said in a statement that ... / told reporters ...
    INDIRECT_OBJECT = "indirect-object"  # X called for ... / urged Y to ... / accused Y of ...

    TRANSCRIPT = "transcript"  # A: answer / ELLERY: answer (a Q&A transcript's turn)
    BLOCKQUOTE_FOOTER = "blockquote-footer"  # <blockquote>Q<footer>— Jorge Falcon</footer>


class ColorChoice(StrEnum):
    """When the command line colours its output (``--color``)."""

    AUTO = "auto"  # on a terminal, unless NO_COLOR is set (or FORCE_COLOR forces it)
    ALWAYS = "always"  # also through a pipe or into a file
    NEVER = "never"


class Engine(StrEnum):
    """``--engine``: where a run's articles are checked (``quotecheck.engines``)."""

    LOCAL = "local"  # in this process (``--jobs`` parser processes)
    RAY = "ray"  # a Ray cluster, local or existing (``quotecheck.engines.ray_engine``)


class RowStatus(StrEnum):
    """What became of one article of an engine run (the ``status`` of its output row)."""

    OK = "ok"  # checked: the row holds its report
    ERROR = "error"  # could not be read, parsed or analysed: the row names it and why
    SKIPPED = "skipped"  # its report is already in the output folder (a rerun)
