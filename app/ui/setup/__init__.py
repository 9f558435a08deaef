"""Round setup in the coordinator window: round, candidates, assessors, panels and schedule, hand out.

:class:`~app.ui.setup.workspace.SetupWorkspace` holds one page per step; every edit goes through
:class:`~app.ui.setup.undo.SetupHistory` (a core call, saved at once, undoable with Ctrl+Z).
"""
