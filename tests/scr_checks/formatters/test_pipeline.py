"""automationDetails: a category outside Azure Pipelines, the pipeline's identity inside."""

from __future__ import annotations

from scr_checks.formatters.pipeline import PREFIX, automation_details

PIPELINE = {
    "TF_BUILD": "True",
    "SYSTEM_COLLECTIONURI": "https://dev.azure.com/example-org/",
    "SYSTEM_TEAMPROJECTID": "6F1C8A52-2F7E-4C1D-9A53-0B9E1F3D2A10",
    "BUILD_DEFINITIONID": "12",
    "BUILD_DEFINITIONNAME": "check reports",
    "BUILD_BUILDID": "345",
    "SYSTEM_PHASEID": "0c7b1f7e-5a2d-4e8b-8f1a-3d2c4b5a6e70",
    "SYSTEM_PHASENAME": "check",
    "BUILD_SOURCEBRANCH": "refs/heads/main",
}


def test_outside_a_pipeline_the_id_is_the_category_and_nothing_else_is_read():
    assert automation_details("scr-checks", {}) == ({"id": "scr-checks/"}, "")
    without_sentinel = {k: v for k, v in PIPELINE.items() if k != "TF_BUILD"}
    assert automation_details("reports/annual/", without_sentinel) == (
        {"id": "reports/annual/"}, "")


def test_in_azure_pipelines_the_run_names_its_pipeline():
    details, problem = automation_details("scr-checks", PIPELINE)
    assert problem == ""
    assert details == {
        "id": f"{PREFIX}example-org/6f1c8a52-2f7e-4c1d-9a53-0b9e1f3d2a10/12/"
              "0c7b1f7e-5a2d-4e8b-8f1a-3d2c4b5a6e70/refs/heads/main/345",
        "properties": {
            f"{PREFIX}buildDefinitionId": "12",
            f"{PREFIX}buildDefinitionName": "check reports",
            f"{PREFIX}phaseId": "0c7b1f7e-5a2d-4e8b-8f1a-3d2c4b5a6e70",
            f"{PREFIX}phaseName": "check",
        },
    }


def test_older_hosts_fallback_variables_and_bare_branch_names():
    environ = {**PIPELINE, "SYSTEM_COLLECTIONURI": "https://example-org.visualstudio.com/",
               "BUILD_DEFINITIONID": "", "SYSTEM_DEFINITIONID": "12", "SYSTEM_PHASEID": "",
               "SYSTEM_JOBID": "0c7b1f7e-5a2d-4e8b-8f1a-3d2c4b5a6e70", "SYSTEM_PHASENAME": "",
               "SYSTEM_JOBNAME": "job", "BUILD_SOURCEBRANCH": "release"}
    details, problem = automation_details("scr-checks", environ)
    assert problem == ""
    assert details["id"].startswith(f"{PREFIX}example-org/")
    assert details["id"].endswith("/refs/heads/release/345")
    assert details["properties"][f"{PREFIX}phaseName"] == "job"


def test_incomplete_variables_fall_back_to_the_category_and_say_what_is_wrong():
    environ = {**PIPELINE, "BUILD_BUILDID": "0", "SYSTEM_PHASEID": "not-a-guid"}
    del environ["BUILD_DEFINITIONNAME"]
    details, problem = automation_details("scr-checks", environ)
    assert details == {"id": "scr-checks/"}
    assert problem == ("Azure Pipelines variables: BUILD_DEFINITIONNAME is not set; "
                       "BUILD_BUILDID='0' is not a positive whole number; "
                       "SYSTEM_PHASEID='not-a-guid' is not a GUID")
