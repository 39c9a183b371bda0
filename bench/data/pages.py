"""Content pages at scale: the app's random-data generator, with bulk inserts instead of add_child.

``home.demo.random_data.RandomData`` builds plausible classes, campaigns and articles (with cover
images from the demo library) and adds them one by one with treebeard's ``add_child``. Here the
tree paths are computed as treebeard would (``steplen`` characters per level after the parent's
last child), the rows go in by bulk INSERT (Django cannot bulk-create multi-table children, so the
page rows first, then the specific rows under the same ids), inline children and tags follow per
model, and the search index is written in bulk. The tree stays valid: paths, depths, the parent's
``numchild`` and ``url_path`` are what ``add_child`` would have written.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import F
from modelcluster.models import get_all_child_relations
from wagtail.models import Page

from home.demo.random_data import RandomData

BATCH = 500


def insert_pages(parent, pages):
    """Add ``pages`` (unsaved, of one specific type) as the last children of ``parent``."""
    model = type(pages[0])
    last = parent.get_last_child()
    first_step = (Page._str2int(last.path[-Page.steplen :]) if last else 0) + 1
    depth = parent.depth + 1
    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent.path, depth, step)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=BATCH)
        for page in pages:
            page.page_ptr_id = page.id
        fields = model._meta.local_concrete_fields
        for start in range(0, len(pages), BATCH):
            model._base_manager._insert(pages[start : start + BATCH], fields=fields)
        insert_children(pages)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def insert_children(pages):
    """The inline children (sub-actions, indicators, tags) the pages hold in memory."""
    by_model = defaultdict(list)
    for page in pages:
        for relation in get_all_child_relations(page):
            for child in getattr(page, relation.get_accessor_name()).all():
                setattr(child, relation.field.attname, page.pk)
                by_model[type(child)].append(child)
    for model, children in by_model.items():
        model.objects.bulk_create(children, batch_size=BATCH)


class BulkRandomData(RandomData):
    """RandomData whose pages go in by bulk inserts, indexed for search once their children are in."""

    def add_pages(self, label, parent, pages):
        if pages:
            insert_pages(parent, pages)
            super().index(type(pages[0]), pages)
        self.progress(label, len(pages), len(pages))
        return pages

    def index(self, model, objects):
        # RandomData re-indexes pages after add_child saved their children; add_pages did it already.
        if not issubclass(model, Page):
            super().index(model, objects)
