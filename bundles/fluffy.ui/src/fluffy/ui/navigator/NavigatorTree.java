package fluffy.ui.navigator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/**
 * The navigator's tree: groups with their items, runs and prediction folders, two columns (name, state).
 * Which groups are open survives a reload, so refreshing after a job does not collapse what the user opened.
 */
final class NavigatorTree {

    /** Groups this large start closed: a thousand raw file names would bury everything else. */
    private static final int OPEN_UP_TO = 200;

    private final TreeViewer viewer;
    private final Set<String> closed = new HashSet<>();

    /** The packed width of the Name column's widest shown cell (see {@link #measureNames}). */
    private int namesWidth = 190;
    /** The packed width of the State column's widest shown cell. */
    private int statesWidth = 120;
    /** The width the widest group label needs, indent included. */
    private int groupsWidth;

    NavigatorTree(Composite parent, Consumer<NavigatorNode> onSelect) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTree().setHeaderVisible(true);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object parent) {
                return parent instanceof NavigatorNode.Group g ? g.children().toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof NavigatorNode.Group g && !g.children().isEmpty();
            }
        });
        column("Name", 190, NavigatorNode::label);
        column("State", 210, NavigatorNode::detail);
        // A narrow navigator cuts long names and states: the row's tooltip has both whole.
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.getTree().addListener(SWT.Resize, e -> fitColumns());
        viewer.getTree().addListener(SWT.Expand, e -> viewer.getTree().getDisplay().asyncExec(this::measureNames));
        viewer.addSelectionChangedListener(e -> {
            if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof NavigatorNode node) {
                onSelect.accept(node);
            }
        });
        viewer.addTreeListener(new org.eclipse.jface.viewers.ITreeViewerListener() {
            @Override
            public void treeCollapsed(org.eclipse.jface.viewers.TreeExpansionEvent e) {
                closed.add(key(e.getElement()));
            }

            @Override
            public void treeExpanded(org.eclipse.jface.viewers.TreeExpansionEvent e) {
                closed.remove(key(e.getElement()));
            }
        });
    }

    TreeViewer viewer() {
        return viewer;
    }

    /** Shows new groups, opening those the user has not closed. */
    void setGroups(List<NavigatorNode.Group> groups) {
        viewer.getTree().setRedraw(false);
        try {
            viewer.setInput(groups);
            for (NavigatorNode.Group g : groups) {
                boolean open = !closed.contains(key(g)) && g.children().size() <= OPEN_UP_TO;
                viewer.setExpandedState(g, open);
            }
        } finally {
            viewer.getTree().setRedraw(true);
        }
        measureNames();
    }

    /**
     * The width of the widest shown name, measured when rows appear (packing walks every row, too much for
     * each resize event while the user drags a sash), then the columns fitted to it.
     */
    private void measureNames() {
        org.eclipse.swt.widgets.Tree tree = viewer.getTree();
        if (tree.isDisposed()) {
            return;
        }
        tree.getColumn(0).pack();
        namesWidth = tree.getColumn(0).getWidth();
        tree.getColumn(1).pack();
        statesWidth = tree.getColumn(1).getWidth();
        groupsWidth = 0;
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(tree);
        try {
            for (org.eclipse.swt.widgets.TreeItem group : tree.getItems()) {
                groupsWidth = Math.max(groupsWidth, Math.max(0, group.getTextBounds(0).x)
                        + gc.textExtent(group.getText(0)).x + 8);
            }
        } finally {
            gc.dispose();
        }
        fitColumns();
    }

    /**
     * Both columns as wide as their widest shown cell when they fit (State takes the rest: no empty band on a
     * wide navigator). On a narrow one the Name column gives way first, down to 40% of the tree: a name is
     * recognised by its start, a state ("1 mask file, label map built") is read whole; group labels stay whole.
     * The tooltip holds both.
     */
    void fitColumns() {
        org.eclipse.swt.widgets.Tree tree = viewer.getTree();
        if (tree.isDisposed()) {
            return;
        }
        int client = tree.getClientArea().width;
        if (client <= 0) {
            return;
        }
        int nameWidth = nameWidth(namesWidth, statesWidth, client, groupsWidth);
        tree.getColumn(0).setWidth(nameWidth);
        tree.getColumn(1).setWidth(Math.max(80, client - nameWidth));
    }

    /**
     * The Name column's width for the widest name and state and the tree's width (see {@link #fitColumns}); it
     * keeps at least {@code groups}, the widest group label ("Processed pairs (7)"), which has no tooltip.
     */
    static int nameWidth(int names, int states, int client, int groups) {
        return names + states <= client ? names
                : Math.max(Math.min(names, Math.max(groups, client * 40 / 100)), client - states);
    }

    @SuppressWarnings("unchecked")
    List<NavigatorNode.Group> groups() {
        return viewer.getInput() instanceof List<?> list ? (List<NavigatorNode.Group>) list : List.of();
    }

    /** The row selected, or null. */
    NavigatorNode selected() {
        return ((IStructuredSelection) viewer.getSelection()).getFirstElement() instanceof NavigatorNode n ? n : null;
    }

    /** Selects the first node {@code which} accepts, as if the user had clicked it; returns whether one did. */
    boolean select(java.util.function.Predicate<NavigatorNode> which) {
        for (NavigatorNode.Group g : groups()) {
            for (NavigatorNode n : g.children()) {
                if (which.test(n)) {
                    viewer.setExpandedState(g, true);
                    viewer.setSelection(new StructuredSelection(n), true);
                    return true;
                }
            }
        }
        return false;
    }

    /** A group's name without its count, which changes as work is done. */
    private static String key(Object element) {
        String label = ((NavigatorNode) element).label();
        int paren = label.lastIndexOf(" (");
        return paren > 0 ? label.substring(0, paren) : label;
    }

    private void column(String title, int width, Function<NavigatorNode, String> text) {
        TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((NavigatorNode) element);
            }

            @Override
            public String getToolTipText(Object element) {
                NavigatorNode node = (NavigatorNode) element;
                return node.detail() == null || node.detail().isEmpty() ? node.label() : node.label() + "\n" + node.detail();
            }
        });
    }
}
