package com.shop.load;

import java.util.Map;

/** One {@code ./load.sh} scenario: runs against the stack and returns its JSON summary. */
interface Scenario {

    Map<String, Object> run(LoadOptions options) throws Exception;
}
