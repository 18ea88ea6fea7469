from django.db import migrations

# The content languages of settings.WAGTAIL_CONTENT_LANGUAGES, frozen here so
# that production has the Locale rows editors translate into.
LANGUAGE_CODES = ["de", "en", "tr", "ar"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_channel_links"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
