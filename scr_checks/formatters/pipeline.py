"""Which analysis a SARIF run belongs to: ``run.automationDetails``.

GitHub code scanning takes its category from ``automationDetails.id``
(``scr-checks/`` unless ``sarif_category`` says otherwise); the upload-sarif
action's own ``category`` input only fills in a run that has none.  GitHub
Advanced Security for Azure DevOps needs the pipeline that produced the run,
so inside Azure Pipelines (``TF_BUILD`` set) the id and four properties are
built from the pipeline's predefined variables, in the shape Microsoft's
SARIF tools give them.  Outside a pipeline nothing else of the environment is
read, and the same inputs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

PREFIX = "azuredevops/pipeline/build/"
PROPERTY = PREFIX + "{}"


def automation_details(category: str, environ: Mapping[str, str]) -> tuple[dict[str, Any], str]:
    """The run's ``automationDetails``, and what is wrong with the pipeline's variables.

    The second item is "" unless the run is in Azure Pipelines and a variable
    is missing or malformed; the run then gets the category id instead.
    """
    plain = {"id": f"{category.rstrip('/')}/"}
    if environ.get("TF_BUILD", "").strip().lower() not in ("true", "1"):
        return plain, ""
    problems: list[str] = []

    def read(*names: str) -> str:
        value = next((environ[n].strip() for n in names if environ.get(n, "").strip()), "")
        if not value:
            problems.append(f"{names[0]} is not set")
        return value

    def number(*names: str) -> int:
        value = read(*names)
        if value and not (value.isdigit() and int(value) > 0):
            problems.append(f"{names[0]}={value!r} is not a positive whole number")
            return 0
        return int(value) if value else 0

    def guid(*names: str) -> str:
        import uuid  # only on a pipeline that sets it; uuid imports platform, 3 ms

        value = read(*names)
        try:
            parsed = uuid.UUID(value) if value else None
        except ValueError:
            parsed = None
        if value and (parsed is None or parsed.int == 0):
            problems.append(f"{names[0]}={value!r} is not a GUID")
        return str(parsed) if parsed else ""

    organisation = _organisation(read("SYSTEM_COLLECTIONURI"), problems)
    project = guid("SYSTEM_TEAMPROJECTID")
    definition = number("BUILD_DEFINITIONID", "SYSTEM_DEFINITIONID")
    definition_name = read("BUILD_DEFINITIONNAME")
    build = number("BUILD_BUILDID")
    phase = guid("SYSTEM_PHASEID", "SYSTEM_JOBID")
    phase_name = read("SYSTEM_PHASENAME", "SYSTEM_JOBNAME")
    branch = read("BUILD_SOURCEBRANCH")
    if problems:
        return plain, "Azure Pipelines variables: " + "; ".join(problems)
    if not branch.startswith("refs/"):
        branch = "refs/heads/" + branch
    return {
        "id": f"{PREFIX}{organisation}/{project}/{definition}/{phase}/{branch}/{build}",
        "properties": {
            PROPERTY.format("buildDefinitionId"): str(definition),
            PROPERTY.format("buildDefinitionName"): definition_name,
            PROPERTY.format("phaseId"): phase,
            PROPERTY.format("phaseName"): phase_name,
        },
    }, ""


def _organisation(collection_uri: str, problems: list[str]) -> str:
    """The organisation in ``https://dev.azure.com/ORG/`` or ``https://ORG.visualstudio.com/``."""
    if not collection_uri:
        return ""
    parts = urlsplit(collection_uri)
    host = (parts.hostname or "").lower()
    if host in ("dev.azure.com", "vsrm.dev.azure.com"):
        name = parts.path.strip("/").split("/")[0]
    elif host.endswith(".visualstudio.com"):
        name = host.removesuffix(".visualstudio.com").removesuffix(".vsrm")
    else:
        name = ""
    if not name:
        problems.append(f"SYSTEM_COLLECTIONURI={collection_uri!r} names no organisation")
    return name
