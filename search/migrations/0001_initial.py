
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('inspections', '0007_force_ons_code'),
        ('letters', '0007_one_row_per_commissioner'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('letter', 'Letter'), ('finding', 'Finding')], max_length=10)),
                ('date', models.DateField(blank=True, null=True)),
                ('inspection_kind', models.CharField(blank=True, max_length=40)),
                ('cycle', models.CharField(blank=True, max_length=20)),
                ('title', models.CharField(blank=True, max_length=1000)),
                ('vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ('commissioner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='inspections.commissioner')),
                ('finding', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='search_documents', to='inspections.areaforimprovement')),
                ('force', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='inspections.force')),
                ('letter', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='search_documents', to='letters.letter')),
                # Last, so that SQLite reads the short columns without the text's overflow pages.
                ('body', models.TextField()),
            ],
            options={
                'indexes': [models.Index(fields=['letter', 'kind'], name='search_doc_letter')],
            },
        ),
    ]
