"""Page types follow Wagtail's conventions: where they may live, what they may hold, previews."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home import models

SECTION_PAGES = {
    models.ClassIndexPage,
    models.CampaignIndexPage,
    models.ArticleIndexPage,
    models.HonourRollPage,
}


class TestPageTree(WagtailPageTestCase):
    def test_home_page_lives_under_the_root_and_holds_the_sections(self):
        self.assertCanCreateAt(Page, models.HomePage)
        self.assertAllowedSubpageTypes(models.HomePage, SECTION_PAGES)
        self.assertAllowedParentPageTypes(models.HomePage, {Page})

    def test_section_pages_live_under_the_home_page(self):
        for section in SECTION_PAGES:
            self.assertAllowedParentPageTypes(section, {models.HomePage})

    def test_each_index_holds_only_its_own_kind(self):
        self.assertAllowedSubpageTypes(models.ClassIndexPage, {models.ClassPage})
        self.assertAllowedSubpageTypes(models.CampaignIndexPage, {models.CampaignPage})
        self.assertAllowedSubpageTypes(models.ArticleIndexPage, {models.ArticlePage})
        self.assertAllowedSubpageTypes(models.HonourRollPage, set())

    def test_leaf_pages_hold_nothing_and_cannot_be_created_elsewhere(self):
        for leaf in (models.ClassPage, models.CampaignPage, models.ArticlePage):
            self.assertAllowedSubpageTypes(leaf, set())
            self.assertCanNotCreateAt(models.HomePage, leaf)

    def test_one_section_of_each_kind_per_home_page(self):
        for section in SECTION_PAGES:
            assert section.max_count_per_parent == 1


@pytest.mark.django_db
class TestPreviewable:
    def test_every_page_type_is_previewable_in_the_frontend(self, site, org, admin_client, settings):
        from tests.home import factories

        settings.FRONTEND_URL = "https://app.example.cn"
        category = factories.make_category()
        pages = [
            site["home"],
            site["classes"],
            factories.make_class(site["classes"], category),
            factories.make_campaign(site["campaigns"], org["city"]),
            factories.make_article(site["articles"]),
            site["honours"],
        ]
        for page in pages:
            response = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
            assert response.status_code == 302, page
            assert response["Location"].startswith("https://app.example.cn/preview?token="), page
