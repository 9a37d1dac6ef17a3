"""What the API says about each row, in the extraction contract's names
(../shared/docs/extraction-contract.md): a letter's ``date``, ``reference``, ``force``,
``commissioner`` {name, title}, ``recipient`` {name, salutation}, ``inspection`` {kind, title,
period, published}, ``grades`` [{area, grade, quote}], ``grade_summary``, the two stated counts,
``areas_for_improvement`` [{number, text, response}] and ``warnings``; plus stable ids and
slugs, each row's page (``url``), force codes, character spans and ``edited_fields``.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from inspections import section55
from inspections import vocabulary as vocab
from inspections.models import AreaForImprovement, Commissioner, Force, Grade, Inspection
from letters.models import Letter


def edited_fields():
    return serializers.ListField(
        child=serializers.CharField(),
        help_text="Fields a person corrected in the admin (the loader leaves these alone)",
    )


class PageUrlField(serializers.Field):
    """The absolute URL of the row's page on the site (read from get_absolute_url)."""

    def __init__(self, path_of=None, **kwargs):
        self.path_of = path_of or (lambda row: row.get_absolute_url())
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, row):
        request = self.context.get("request")
        path = self.path_of(row)
        return request.build_absolute_uri(path) if request is not None else path


extend_schema_field({"type": "string", "format": "uri"})(PageUrlField)


REVIEW_HELP = "read by the parser, confirmed by staff or corrected by staff"


def _framework(when):
    framework = vocab.framework_for(when)
    return framework.key if framework else None


class ForceRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Force
        fields = ["id", "slug", "name", "ons_code"]


class CommissionerRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Commissioner
        fields = ["id", "slug", "name", "title"]


class ForceSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    aliases = serializers.ListField(child=serializers.CharField())
    letter_count = serializers.IntegerField()
    inspection_count = serializers.IntegerField()
    afi_count = serializers.IntegerField()
    latest_letter_date = serializers.DateField(allow_null=True)
    latest_commissioner = serializers.SerializerMethodField()

    class Meta:
        model = Force
        fields = [
            *("id", "slug", "name", "short_name", "ons_code", "country", "aliases", "url"),
            *("letter_count", "inspection_count", "afi_count", "latest_letter_date"),
            "latest_commissioner",
        ]

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {"name": {"type": "string"}, "slug": {"type": "string"}},
            "required": ["name", "slug"],
        }
    )
    def get_latest_commissioner(self, force):
        if not force.current_commissioner_slug:
            return None
        return {"name": force.current_commissioner_name, "slug": force.current_commissioner_slug}


class CommissionerSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    edited_fields = edited_fields()
    force = ForceRefSerializer()
    term_start = serializers.DateField(
        allow_null=True, help_text="First day of their first term, from the registry"
    )
    term_end = serializers.DateField(
        allow_null=True, help_text="Last day of their last term; null while in office"
    )
    first_letter = serializers.DateField(allow_null=True)
    last_letter = serializers.DateField(allow_null=True)
    letter_count = serializers.IntegerField()

    class Meta:
        model = Commissioner
        fields = [
            *("id", "slug", "name", "honorific", "title", "force", "url"),
            *("term_start", "term_end", "first_letter", "last_letter", "letter_count"),
            "edited_fields",
        ]


class GradeSerializer(serializers.ModelSerializer):
    """A grade as the contract has it (area, grade, quote) with its span and provenance."""

    edited_fields = edited_fields()
    area_label = serializers.CharField()
    grade_label = serializers.CharField()
    letter_id = serializers.IntegerField(allow_null=True)
    review_status = serializers.CharField(help_text=REVIEW_HELP)
    evidence_url = PageUrlField(lambda grade: grade.evidence_url)

    class Meta:
        model = Grade
        fields = [
            *("id", "area", "area_label", "grade", "grade_label", "quote", "start", "end"),
            *("letter_id", "evidence_url", "review_status", "edited_fields"),
        ]


class FindingSerializer(serializers.ModelSerializer):
    """An area for improvement (or cause of concern, recommendation) with its spans."""

    edited_fields = edited_fields()
    letter_id = serializers.IntegerField(allow_null=True)
    review_status = serializers.CharField(help_text=REVIEW_HELP)
    evidence_url = PageUrlField(lambda finding: finding.evidence_url)

    class Meta:
        model = AreaForImprovement
        fields = [
            *("id", "kind", "number", "text", "response", "status"),
            *("start", "end", "response_start", "response_end"),
            *("letter_id", "evidence_url", "review_status", "edited_fields"),
        ]


class InspectionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Inspection
        fields = ["id", "kind", "title", "period", "cycle", "published"]


class InspectionSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    edited_fields = edited_fields()
    force = ForceRefSerializer()
    framework = serializers.SerializerMethodField()
    grade_count = serializers.IntegerField()
    afi_count = serializers.IntegerField()
    letter_count = serializers.IntegerField()
    # The section 55 clock, read on the day of the request (as /section-55/ reads it).
    response_due = serializers.SerializerMethodField()
    responded = serializers.DateField(
        allow_null=True,
        help_text="The earliest date on a public letter answering it (null: none loaded, or "
        "none dated)",
    )
    response_status = serializers.ChoiceField(
        choices=section55.STATUSES,
        allow_null=True,
        help_text="on-time, late, date-not-stated, no-response-loaded (due and none loaded "
        "here: not 'no response made') or not-yet-due, today; null when unpublished",
    )
    days_late = serializers.SerializerMethodField()

    class Meta:
        model = Inspection
        fields = [
            *("id", "kind", "title", "period", "cycle", "published", "framework", "force", "url"),
            *("grade_count", "afi_count", "letter_count", "edited_fields"),
            *("response_due", "responded", "response_status", "days_late"),
        ]

    @extend_schema_field({"type": "string", "nullable": True})
    def get_framework(self, inspection):
        return _framework(inspection.published)

    @extend_schema_field(
        {
            "type": "string",
            "format": "date",
            "nullable": True,
            "description": "56 days after publication (section 55, Police Act 1996)",
        }
    )
    def get_response_due(self, inspection):
        return section55.due_date(inspection.published) if inspection.published else None

    @extend_schema_field(
        {"type": "integer", "nullable": True, "description": "Days after the due date (late only)"}
    )
    def get_days_late(self, inspection):
        if inspection.published is None:
            return None
        return section55.days_late(inspection.published, inspection.responded)


class InspectionDetailSerializer(InspectionSerializer):
    grades = GradeSerializer(many=True)
    areas_for_improvement = FindingSerializer(many=True)

    class Meta(InspectionSerializer.Meta):
        fields = [*InspectionSerializer.Meta.fields, "grades", "areas_for_improvement"]


class RecipientSerializer(serializers.Serializer):
    name = serializers.CharField(source="recipient_name")
    salutation = serializers.CharField(source="recipient_salutation")


class LetterSerializer(serializers.ModelSerializer):
    """A letter in a list: its facts, without its text, grades and findings."""

    url = PageUrlField()
    edited_fields = edited_fields()
    grade_summary = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Counts the letter states in words, by grade; may disagree with grades",
    )
    force = serializers.CharField(source="force.name", allow_null=True, default=None)
    force_slug = serializers.CharField(source="force.slug", allow_null=True, default=None)
    force_code = serializers.CharField(source="force.ons_code", allow_null=True, default=None)
    commissioner = CommissionerRefSerializer(allow_null=True)
    recipient = RecipientSerializer(source="*")
    inspection = InspectionRefSerializer(allow_null=True)

    class Meta:
        model = Letter
        fields = [
            *("id", "file_name", "source", "sha256", "url", "date", "reference"),
            *("force", "force_slug", "force_code", "commissioner", "recipient", "inspection"),
            *("grade_summary", "causes_of_concern_count", "areas_for_improvement_count"),
            "edited_fields",
        ]


class LetterDetailSerializer(LetterSerializer):
    """A letter whole: its text, the spans of its facts ([start, end] into ``text``), its
    grades and findings, and the loader's warnings."""

    grades = GradeSerializer(many=True)
    areas_for_improvement = FindingSerializer(many=True)
    spans = serializers.DictField(
        child=serializers.ListField(child=serializers.IntegerField(), min_length=2, max_length=2)
    )
    warnings = serializers.ListField(child=serializers.CharField())

    class Meta(LetterSerializer.Meta):
        fields = [
            *LetterSerializer.Meta.fields,
            *("grades", "areas_for_improvement", "warnings", "spans", "text"),
        ]


class GradeListSerializer(GradeSerializer):
    """A grade in the grades list: one row per grade with its force and inspection."""

    force = ForceRefSerializer(source="inspection.force")
    inspection = InspectionRefSerializer()
    date = serializers.DateField(source="when", allow_null=True)
    framework = serializers.SerializerMethodField()

    class Meta(GradeSerializer.Meta):
        fields = [*GradeSerializer.Meta.fields, "force", "inspection", "date", "framework"]

    @extend_schema_field({"type": "string", "nullable": True})
    def get_framework(self, grade):
        return _framework(grade.when)


class FindingListSerializer(FindingSerializer):
    force = ForceRefSerializer(source="inspection.force")
    inspection = InspectionRefSerializer()

    class Meta(FindingSerializer.Meta):
        fields = [*FindingSerializer.Meta.fields, "force", "inspection"]
