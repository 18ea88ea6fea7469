"""Run the project's migrations to a given point inside a test.

For tests of data migrations: ``migrate_to(targets)`` returns the historical
apps at that point; ``migrate_to_latest()`` leaves the database as the other
tests expect it. Such tests are transactional (migrations cannot run inside the
test's transaction) and keep the content with ``serialized_rollback``.
"""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    graph = executor.loader.graph
    applied = [
        node for node in executor.loader.applied_migrations if node in graph.nodes
    ]
    return executor.loader.project_state(applied).apps


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    return migrate_to(executor.loader.graph.leaf_nodes())


def outgoing_mail_model(apps):
    """The outbox rows of a past state: in ``core`` once ``core/0001`` ran
    (going back to an app's first migration does not undo it), else ``home``."""
    try:
        return apps.get_model("core", "OutgoingMail")
    except LookupError:
        return apps.get_model("home", "OutgoingMail")
