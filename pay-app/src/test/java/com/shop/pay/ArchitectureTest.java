package com.shop.pay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.ibatis.annotations.Mapper;

/** pay-app's rooms (docs/design.md, Modules; /work/shared/STYLE.md): each line in the room it belongs in. */
@AnalyzeClasses(packages = "com.shop.pay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FLOWS = {"com.shop.pay.payment.."};

    private static final String[] ADAPTERS = {"com.shop.pay.web..", "com.shop.pay.rpc..", "com.shop.pay.mq.."};

    /** The business flows (payment) speak to other services and the broker only through rpc and mq. */
    @ArchTest
    static final ArchRule flowsSeeNeitherDubboNorRocketMqNorTheWeb = noClasses().that().resideInAnyPackage(FLOWS)
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.dubbo..", "org.apache.rocketmq..", "com.shop.pay.web..");

    /**
     * web, rpc and mq are thin: they hand work to a flow, which owns the database; none reaches a mapper.
     * The outbox (mq/Outbox*) is messaging's own table, so it is the one adapter that writes through a mapper.
     */
    @ArchTest
    static final ArchRule adaptersNeverTouchAMapper = noClasses().that().resideInAnyPackage(ADAPTERS)
            .and().haveSimpleNameNotStartingWith("Outbox")
            .should().dependOnClassesThat().areAnnotatedWith(Mapper.class).allowEmptyShould(true);

    /** db is the bottom room: records, mappers and the codes they store, knowing nothing of who uses them. */
    @ArchTest
    static final ArchRule theDatabaseRoomDependsOnNoOtherRoom = noClasses().that().resideInAPackage("com.shop.pay.db..")
            .should().dependOnClassesThat().resideInAnyPackage(FLOWS)
            .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS);
}
