"""``coach users …`` and ``coach units …``: the first admin, units, and bulk account import."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from api.accounts.phone import PhoneError
from api.accounts.users import AccountError
from api.config import get_settings

users_app = typer.Typer(help="Tài khoản người dùng / user accounts.", no_args_is_help=True)
units_app = typer.Typer(help="Đơn vị (tỉnh, xã/phường) / units.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


def _accounts():
    from api.database import upgrade
    from api.runtime import build_accounts, build_engine

    settings = get_settings()
    engine = build_engine(settings)
    upgrade(engine)
    return build_accounts(settings, engine)


def _fail(message: str) -> None:
    err.print(f"[red]{message}[/red]")
    raise typer.Exit(2)


@users_app.command("create-admin")
def create_admin(
    phone: Annotated[str, typer.Option(help="Số di động của quản trị viên / the admin's mobile number.")],
    name: Annotated[str, typer.Option(help="Họ tên hiển thị / display name.")] = "Quản trị hệ thống",
    if_missing: Annotated[bool, typer.Option("--if-missing", help="Không báo lỗi nếu số đã có / no error if it exists.")] = False,
) -> None:
    """Tạo tài khoản quản trị hệ thống đầu tiên / create the first admin."""
    accounts = _accounts()
    try:
        user = accounts.users.create(phone, name, "admin")
    except PhoneError:
        _fail("Số điện thoại không hợp lệ.")
    except AccountError as error:
        if error.kind == "duplicate_phone" and if_missing:
            out.print("Tài khoản đã có sẵn.")
            return
        _fail("Số điện thoại này đã có tài khoản." if error.kind == "duplicate_phone" else error.kind)
    accounts.audit.record("user_create", target=f"user:{user.id}", role="admin", via="cli")
    out.print(f"Đã tạo quản trị viên {user.display_name} ({user.phone_masked}), mã {user.id}.")


@users_app.command("import")
def import_users(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV: phone,display_name,role,unit,learner_id")],
) -> None:
    """Nhập danh sách học viên từ CSV / import accounts from CSV (existing numbers are skipped)."""
    accounts = _accounts()
    created, skipped, errors = 0, 0, []
    with file.open(encoding="utf-8-sig", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                accounts.users.create(row.get("phone", ""), row.get("display_name", ""), row.get("role") or "learner",
                                      row.get("unit") or None, row.get("learner_id") or None)  # fmt: skip
                created += 1
            except PhoneError:
                errors.append(f"dòng {line}: số điện thoại không hợp lệ")
            except AccountError as error:
                if error.kind == "duplicate_phone":
                    skipped += 1  # imports are re-run as lists grow
                else:
                    errors.append(f"dòng {line}: {error.kind}")
    accounts.audit.record("user_import", target=file.name[:120], created=created, skipped=skipped, errors=len(errors), via="cli")
    out.print(f"Đã tạo {created} tài khoản, bỏ qua {skipped} số đã có, {len(errors)} lỗi.")
    for message in errors[:50]:
        err.print(message)
    if errors:
        raise typer.Exit(1)


@units_app.command("add")
def add_unit(
    code: Annotated[str, typer.Argument(help="Mã đơn vị, ví dụ xa-tan-phu / unit code.")],
    name: Annotated[str, typer.Argument(help="Tên đơn vị / unit name.")],
    kind: Annotated[str, typer.Option(help="province | commune")] = "commune",
    province: Annotated[str | None, typer.Option(help="Mã tỉnh của xã/phường / the province's code.")] = None,
) -> None:
    """Thêm đơn vị / add a unit."""
    accounts = _accounts()
    try:
        unit = accounts.units.add(code, name, kind, province)
    except AccountError as error:
        _fail(error.kind)
    accounts.audit.record("unit_create", target=f"unit:{unit.code}", unit_code=unit.code, via="cli")
    out.print(f"Đã thêm đơn vị {unit.name} ({unit.code}).")
