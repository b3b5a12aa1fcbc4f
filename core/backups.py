"""The site's backups: django-dbbackup's files in BACKUP_DIR (README, "Backups and restore")."""

from dbbackup.storage import get_storage


def latest_backups():
    """The file names of the newest database backup and the newest media backup; dbbackup's
    StorageError when either is missing."""
    storage = get_storage()
    return storage.get_latest_backup(content_type="db"), storage.get_latest_backup(content_type="media")
