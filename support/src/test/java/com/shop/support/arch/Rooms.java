package com.shop.support.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

/**
 * The rooms of a service (docs/design.md, Modules), checked by each service's {@code ArchitectureTest}:
 * the business flows speak to other services and the broker only through rpc and mq; web, rpc and mq are
 * thin and never reach a mapper; db is the bottom room and knows nothing of who uses it.
 */
public final class Rooms {

    private final String base;
    private final String[] flows;
    private final String[] adapters;
    private String adapterOwningItsTable;

    private Rooms(String service, String... flowPackages) {
        this.base = "com.shop." + service;
        this.flows = Arrays.stream(flowPackages).map(flow -> base + "." + flow + "..").toArray(String[]::new);
        this.adapters = new String[] {base + ".web..", base + ".rpc..", base + ".mq.."};
    }

    /** The rooms of {@code com.shop.<service>}, whose business flows are the given packages. */
    public static Rooms of(String service, String... flowPackages) {
        return new Rooms(service, flowPackages);
    }

    /** An adapter that writes a table of its own through a mapper (pay-app's outbox is messaging's table). */
    public Rooms withAdapterOwningItsTable(String simpleNamePrefix) {
        this.adapterOwningItsTable = simpleNamePrefix;
        return this;
    }

    /** Fails with every line that sits in the wrong room. */
    public void check() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
        rules().forEach(rule -> rule.check(classes));
    }

    private List<ArchRule> rules() {
        ArchRule flowsSeeNeitherDubboNorRocketMqNorTheWeb = noClasses().that().resideInAnyPackage(flows)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.dubbo..", "org.apache.rocketmq..",
                        base + ".web..");
        var adapterClasses = noClasses().that().resideInAnyPackage(adapters);
        if (adapterOwningItsTable != null) {
            adapterClasses = adapterClasses.and().haveSimpleNameNotStartingWith(adapterOwningItsTable);
        }
        ArchRule adaptersNeverTouchAMapper = adapterClasses.should().dependOnClassesThat().areAnnotatedWith(Mapper.class)
                .allowEmptyShould(true);
        ArchRule theDatabaseRoomDependsOnNoOtherRoom = noClasses().that().resideInAPackage(base + ".db..")
                .should().dependOnClassesThat().resideInAnyPackage(flows)
                .orShould().dependOnClassesThat().resideInAnyPackage(adapters);
        return List.of(flowsSeeNeitherDubboNorRocketMqNorTheWeb, adaptersNeverTouchAMapper,
                theDatabaseRoomDependsOnNoOtherRoom);
    }
}
