package com.shop.load;

import com.shop.stack.StackSettings;
import java.nio.file.Path;

/** What every scenario works with: the running stack's settings, and the folder its reports go to. */
record LoadContext(StackSettings settings, Path results) {
}
