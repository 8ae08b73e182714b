package fluffy.ui.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the navigator shares its width between Name and State (NavigatorTree.nameWidth). */
class NavigatorColumnsTest {

    @Test
    void bothWholeWhenTheyFit() {
        assertEquals(150, NavigatorTree.nameWidth(150, 170, 400, 150));
    }

    @Test
    void aNarrowTreeCutsNamesBeforeStates() {
        // 340 px at 1280 x 800: 64-character names (460 px) and "1 mask file, label map built" (170 px).
        assertEquals(170, NavigatorTree.nameWidth(460, 170, 340, 150), "the state whole, the name the rest");
    }

    @Test
    void namesKeepFortyPercentAgainstALongState() {
        // A run's "17 epochs, best validation F1 0.879 (epoch 15), test F1 0.906" (380 px) in 340 px.
        assertEquals(136, NavigatorTree.nameWidth(460, 380, 340, 120));
        assertEquals(60, NavigatorTree.nameWidth(60, 380, 340, 50), "a short name needs no more");
        assertEquals(155, NavigatorTree.nameWidth(460, 380, 340, 155), "a group label (no tooltip) stays whole");
    }
}
