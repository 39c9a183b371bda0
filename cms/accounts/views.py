import json

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.accounts.personal_data import personal_data


@never_cache
@require_GET
def my_data(request):
    """The signed-in person's data as a JSON download (the account screen's "download my data")."""
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    body = json.dumps(personal_data(request.user), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"yulan-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
